/**
 * Guard devices in the console: the list (checkpoint, app version, last sync, clock offset, backlog)
 * and revocation. Commune officers see and revoke only their commune's devices.
 */
import type { FastifyInstance } from 'fastify';
import { CHECKPOINT_STAFF, mayActInUnit, unitScope } from '../../auth/roles';
import { listConsoleDevices } from '../../db/devices-repo';
import { findDeviceById, revokeDevice } from '../../db/devices-repo';
import { findCheckpointById } from '../../db/checkpoints-repo';
import { sendError } from '../../http/errors';
import type { RouteDeps } from '../deps';
import { audit, userOf } from './context';
import { adminRoutes } from '../../../shared/console-api';

/** Registers the device routes. */
export function registerDeviceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: CHECKPOINT_STAFF };

  app.get(adminRoutes.devices.pattern, { config }, async (request) =>
    listConsoleDevices(deps.db, unitScope(userOf(request))),
  );

  app.post<{ Params: { id: string } }>(adminRoutes.deviceRevoke.pattern, { config }, async (request, reply) => {
    const device = await findDeviceById(deps.db, request.params.id);
    const checkpoint = device?.checkpointId ? await findCheckpointById(deps.db, device.checkpointId) : undefined;
    if (!device || !checkpoint) return sendError(reply, 404, 'device_not_found', 'There is no such guard device.');
    if (!mayActInUnit(userOf(request), checkpoint.unitId))
      return sendError(reply, 403, 'forbidden', 'This device belongs to another commune.');
    if (device.revokedAt !== null) return sendError(reply, 409, 'already_revoked', 'This device is already revoked.');
    const at = deps.now();
    await revokeDevice(deps.db, device.id, at);
    await audit(deps, request, 'device.revoke', { type: 'device', id: device.id }, { checkpoint: checkpoint.code });
    return { id: device.id, revokedAt: at };
  });
}
