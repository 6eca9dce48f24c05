/**
 * POST /api/upstream/checkpoints (province side of forwarding): a district server upserts the checkpoints
 * and devices its next forwarded batch refers to. Only 'upstream' devices may call it.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { API, UpstreamCatalogSchema, describeIssues } from '../../shared/protocol';
import { CatalogConflict, upsertCatalog } from './province-catalog';
import { requireDevice } from '../http/auth';
import { sendError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';

/** Registers the upstream catalog route. */
export function registerUpstreamRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post(API.upstreamCheckpoints, { onRequest: requireDevice(deps.db) }, async (request, reply) => {
    const device = request.device;
    if (!device) return sendError(reply, 401, 'missing_token', 'This request needs an Authorization: Bearer token.');
    if (device.kind !== 'upstream')
      return sendError(
        reply,
        403,
        'not_an_upstream',
        'Only a district server enrolled as upstream may send checkpoints.',
      );
    const parsed = v.safeParse(UpstreamCatalogSchema, request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));
    try {
      await upsertCatalog(deps.db, device, parsed.output, deps.now());
    } catch (error) {
      if (error instanceof CatalogConflict) return sendError(reply, 409, 'catalog_conflict', error.message);
      throw error;
    }
    return { checkpoints: parsed.output.checkpoints.length, devices: parsed.output.devices.length };
  });
}
