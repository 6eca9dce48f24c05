/**
 * POST /api/forwarding/catalog (receiving side of forwarding): a server below upserts the checkpoints
 * and devices its next forwarded batch refers to. Only 'forwarder' devices may call it.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { API, ForwardingCatalogSchema, describeIssues } from '../../shared/protocol';
import { CatalogConflict, upsertCatalog } from './receiver-catalog';
import { requireDevice } from '../http/auth';
import { sendError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';

/**
 * Registers the forwarding catalog route, on its path and on the path servers below used before the
 * rename (a server below upgraded later keeps forwarding meanwhile; upgrade the server above first).
 */
export function registerForwardingCatalogRoute(app: FastifyInstance, deps: RouteDeps): void {
  for (const path of [API.forwardingCatalog, API.forwardingCatalogBefore])
    app.post(path, { onRequest: requireDevice(deps.db) }, async (request, reply) => {
      const device = request.device;
      if (!device) return sendError(reply, 401, 'missing_token', 'This request needs an Authorization: Bearer token.');
      if (device.kind !== 'forwarder')
        return sendError(
          reply,
          403,
          'not_a_forwarder',
          'Only a server enrolled here as a forwarder may send checkpoints.',
        );
      const parsed = v.safeParse(ForwardingCatalogSchema, request.body);
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
