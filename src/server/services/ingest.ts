/**
 * Ingesting a push: validate each item on its own, store the valid ones with insert-or-ignore in one
 * transaction together with the device's sync report, and answer one result per item, in order.
 * Pushes arriving while a transaction runs share the next one (group commit); each push is answered
 * only after the transaction holding it committed.
 */
import * as v from 'valibot';
import { CheckInSchema, describeIssues, type ItemResult, type PushRequestSchema, type PushResponse } from '../../shared/protocol';
import type { Db } from '../db/database';
import { createCheckinWriter } from '../db/checkins-repo';
import { createWriteQueue } from '../db/write-queue';
import { recordDeviceSync } from '../db/devices-repo';
import type { PosterSigner } from './poster-signing';
import { selfCheckInJudge } from './self-checkin';
import { clockOffset } from '../domain/clock';
import { toStoredCheckIn } from '../domain/stored-checkin';
import type { Device, StoredCheckIn } from '../domain/types';
import { enqueueForward } from '../forwarding/forwarding-repo';
import { judgeUpstream, upstreamJudge } from '../forwarding/province-ingest';

export type PushEnvelope = v.InferOutput<typeof PushRequestSchema>;

/** Reads an item's id for the result line, whatever else is wrong with it. */
function idOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string') return item.id;
  return null;
}

/** Stores pushes for one database. */
export interface Ingestor {
  /** Stores a validated push envelope from a device; resolves only after the transaction committed. */
  push(device: Device, envelope: PushEnvelope, now: () => number): Promise<PushResponse>;
}

/** Creates the ingestor of a database (one per server: it owns the group-commit queue); visitor phones need `posterSigner`. */
export function createIngestor(db: Db, opts: { posterSigner?: PosterSigner; forwardOutbox?: boolean } = {}): Ingestor {
  const commits = createWriteQueue(db);
  const writer = createCheckinWriter();

  return {
    async push(device, envelope, now) {
      const receivedAt = now();
      const clockOffsetMs = clockOffset(receivedAt, envelope.sentAt);
      const receipt = { deviceId: device.id, receivedAt, clockOffsetMs };

      const results: ItemResult[] = [];
      /** Index in `results` of each item to insert, first occurrence of an id only. */
      const slots = new Map<string, number>();
      const toInsert: StoredCheckIn[] = [];
      // Visitor phones have no checkpoint: each item must prove it with a signed poster instead.
      const judgeSelf = device.kind === 'visitor' && opts.posterSigner ? selfCheckInJudge(db, opts.posterSigner) : null;
      // A district server forwarding: items of any checkpoint of its district, with the district's receipt facts.
      const upstream = device.kind === 'upstream' ? await upstreamJudge(db, device, envelope.items) : null;

      for (const item of envelope.items) {
        const parsed = v.safeParse(CheckInSchema, item);
        const selfRefusal = judgeSelf && parsed.success ? await judgeSelf(parsed.output, clockOffsetMs) : null;
        if (!parsed.success) {
          results.push({ id: idOf(item), status: 'rejected', reason: `invalid_checkin: ${describeIssues(parsed.issues)}` });
        } else if (selfRefusal !== null) {
          results.push({ id: parsed.output.id, status: 'rejected', reason: selfRefusal });
        } else if (upstream) {
          const verdict = judgeUpstream(upstream, parsed.output, device);
          if (typeof verdict === 'string') {
            results.push({ id: parsed.output.id, status: 'rejected', reason: verdict });
          } else if (slots.has(parsed.output.id)) {
            results.push({ id: parsed.output.id, status: 'duplicate' });
          } else {
            slots.set(parsed.output.id, results.length);
            results.push({ id: parsed.output.id, status: 'accepted' });
            toInsert.push(verdict);
          }
        } else if (!judgeSelf && parsed.output.checkpointId !== device.checkpointId) {
          results.push({
            id: parsed.output.id,
            status: 'rejected',
            reason: 'wrong_checkpoint: this check-in belongs to another checkpoint than the one this device is enrolled to',
          });
        } else if (device.revokedAt !== null && parsed.output.deviceTime + clockOffsetMs > device.revokedAt) {
          // Revoked device: only what it recorded before the revocation is kept (docs/console.md, "Revocation").
          results.push({ id: parsed.output.id, status: 'rejected', reason: 'device_revoked: recorded after this device was revoked' });
        } else if (slots.has(parsed.output.id)) {
          results.push({ id: parsed.output.id, status: 'duplicate' });
        } else {
          slots.set(parsed.output.id, results.length);
          results.push({ id: parsed.output.id, status: 'accepted' });
          const stored = toStoredCheckIn(parsed.output, receipt);
          if (device.revokedAt !== null) stored.fromRevokedDevice = true;
          toInsert.push(stored);
        }
      }

      const stored = results.filter((r) => r.status !== 'rejected').length;
      const inserted = await commits.run(async (trx) => {
        const ids = toInsert.length > 0 ? await writer.insertNew(trx, toInsert) : new Set<string>();
        if (opts.forwardOutbox && ids.size > 0) await enqueueForward(trx, ids, receivedAt); // same transaction: nothing accepted is missed
        await recordDeviceSync(trx, device.id, {
          at: receivedAt,
          appVersion: envelope.appVersion,
          clockOffsetMs,
          pendingReported: Math.max(0, envelope.pending - stored),
        });
        return ids;
      });
      for (const [id, index] of slots) {
        if (!inserted.has(id)) results[index] = { id, status: 'duplicate' };
      }
      return { serverTime: now(), clockOffsetMs, results };
    },
  };
}
