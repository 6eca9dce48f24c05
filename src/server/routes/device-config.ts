/**
 * GET /api/device/config: a guard device's offline kit — its checkpoint (and whether it is still open),
 * the current questionnaire and the district settings it must follow.
 */
import type { FastifyInstance } from 'fastify';
import { API, type DeviceConfigResponse } from '../../shared/protocol';
import { findCheckpointById, findCheckpointInfo } from '../db/checkpoints-repo';
import { latestQuestionnaire } from '../db/questionnaires-repo';
import { getSettings } from '../db/settings-repo';
import { requireDevice } from '../http/auth';
import { sendError } from '../http/errors';
import type { RouteDeps } from './deps';

/** Registers the device configuration route. */
export function registerDeviceConfigRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.get(API.deviceConfig, { onRequest: requireDevice(deps.db) }, async (request, reply) => {
    const device = request.device!;
    if (device.checkpointId === null)
      return sendError(
        reply,
        403,
        'not_a_guard_device',
        'Only guard devices enrolled at a checkpoint have a device configuration.',
      );
    const [info, checkpoint, questionnaire, settings] = await Promise.all([
      findCheckpointInfo(deps.db, device.checkpointId),
      findCheckpointById(deps.db, device.checkpointId),
      latestQuestionnaire(deps.db),
      getSettings(deps.db),
    ]);
    if (!info || !checkpoint)
      return sendError(reply, 404, 'checkpoint_missing', 'The checkpoint of this device no longer exists.');
    const body: DeviceConfigResponse = {
      checkpoint: { ...info, status: checkpoint.status },
      questionnaire,
      settings,
      serverTime: deps.now(),
      districtKey: deps.keyring.current,
    };
    return body;
  });
}
