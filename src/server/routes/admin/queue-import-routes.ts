/**
 * A queue carried by hand (issue 14): a guard device with no network exports its sealed, signed queue
 * to a file; an officer uploads it here, one batch per request. The server checks the device's
 * signature over each batch exactly as for a push (any change in transit breaks it) and ingests it
 * idempotently: uploading the file twice, or the phone syncing later, only finds duplicates.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { API, PushRequestSchema, QueueImportRequestSchema, type QueueImportResponse } from '../../../shared/protocol';
import { CHECKPOINT_STAFF, mayActInUnit } from '../../auth/roles';
import { findCheckpointById } from '../../db/checkpoints-repo';
import { findDeviceById } from '../../db/devices-repo';
import { sendError } from '../../http/errors';
import { queueImportDict } from '../../i18n/dict-queue-import';
import { checkRequestProof } from '../../sealed/proof-check';
import type { RouteDeps } from '../deps';
import { audit, parseBody, userOf } from './context';

/** The push body a batch carries, parsed; null when it is not one. */
function readBody(text: string): v.InferOutput<typeof PushRequestSchema> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = v.safeParse(PushRequestSchema, json);
  return parsed.success ? parsed.output : null;
}

/** Registers the queue upload route. */
export function registerQueueImportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(API.queueImport, { config: { access: CHECKPOINT_STAFF } }, async (request, reply) => {
    const upload = parseBody(QueueImportRequestSchema, request.body, reply);
    if (!upload) return reply;
    const device = await findDeviceById(deps.db, upload.deviceId);
    const checkpoint = device?.checkpointId ? await findCheckpointById(deps.db, device.checkpointId) : undefined;
    // A commune officer carries only their own commune's queues; another commune's device is answered as unknown,
    // so the answer does not tell which device ids exist there.
    if (!device || device.kind !== 'guard' || !checkpoint || !mayActInUnit(userOf(request), checkpoint.unitId))
      return sendError(reply, 422, 'queue_unknown_device', queueImportDict['queue.unknown_device'].vi);
    const envelope = readBody(upload.body);
    if (!envelope) return sendError(reply, 400, 'queue_unreadable', queueImportDict['queue.unreadable'].vi);
    const refusal = await checkRequestProof(
      deps.db,
      device,
      {
        header: upload.proof,
        method: 'POST',
        path: API.queueImport,
        rawBody: upload.body,
        deviceClockMs: envelope.sentAt,
        now: deps.now(),
      },
      'reusable',
    );
    if (refusal) {
      const key = refusal.error === 'device_key_required' ? 'queue.no_device_key' : 'queue.altered';
      return sendError(
        reply,
        422,
        refusal.error === 'device_key_required' ? 'queue_no_device_key' : 'queue_altered',
        queueImportDict[key].vi,
      );
    }
    const outcome = await deps.ingestor.push(device, envelope, deps.now, { address: null, carried: true });
    if (outcome.type === 'quota_exceeded') {
      reply.header('retry-after', String(outcome.retryAfterS));
      return sendError(reply, 429, 'too_many_items', queueImportDict['queue.too_many'].vi);
    }
    const results = outcome.response.results;
    const count = (status: string) => results.filter((r) => r.status === status).length;
    await audit(
      deps,
      request,
      'device.queue_import',
      { type: 'device', id: device.id },
      {
        checkpoint: checkpoint.code,
        accepted: count('accepted'),
        duplicate: count('duplicate'),
        rejected: count('rejected'),
      },
    );
    const answer: QueueImportResponse = {
      deviceId: device.id,
      checkpoint: checkpoint ? { code: checkpoint.code, name: checkpoint.name } : null,
      results,
      unanswered: envelope.items.length - results.length,
    };
    return answer;
  });
}
