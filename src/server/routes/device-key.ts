/**
 * POST /api/device/key: a device enrolled before pushes were signed registers its signing key, once,
 * with its existing token (an upgrade in place, no new enrolment). A key is never replaced this way.
 * A revoked device may still register (the revocation rule accepts what it recorded before).
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { API, DeviceKeyRequestSchema, describeIssues } from '../../shared/protocol';
import { registerDevicePublicJwk } from '../db/devices-repo';
import { requireDevice } from '../http/auth';
import { sendError } from '../http/errors';
import type { RouteDeps } from './deps';

/** Registers the device-key route. */
export function registerDeviceKeyRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post(API.deviceKey, { onRequest: requireDevice(deps.db, { allowRevoked: true }) }, async (request, reply) => {
    const device = request.device!;
    if (device.kind !== 'guard')
      return sendError(reply, 403, 'not_a_guard_device', 'Only guard devices register a signing key.');
    const parsed = v.safeParse(DeviceKeyRequestSchema, request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));
    if (!(await registerDevicePublicJwk(deps.db, device.id, JSON.stringify(parsed.output.deviceKey)))) {
      return sendError(
        reply,
        409,
        'device_key_exists',
        'This device already has a signing key; enrol it again to get a new one.',
      );
    }
    return reply.code(201).send({ deviceId: device.id, districtKey: deps.keyring.current });
  });
}
