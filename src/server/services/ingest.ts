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
import { insertCorrections } from '../db/corrections-repo';
import { toStoredCorrection, type StoredCorrection } from '../domain/correction';
import type { DistrictKeyring } from '../sealed/district-keys';
import { openItem } from '../sealed/unseal';

export type PushEnvelope = v.InferOutput<typeof PushRequestSchema>;

/** Reads an item's id for the result line, whatever else is wrong with it. */
function idOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string') return item.id;
  return null;
}

/**
 * The clock offset for one item: its own epoch's (protocol 2), the push's when it was recorded in the
 * epoch the push was built in, and the push's flagged uncertain when its epoch's offset is unknown.
 */
export function itemOffset(epoch: string | undefined, envelope: PushEnvelope, pushOffset: number): { offset: number; uncertain: boolean } {
  if (epoch === undefined || epoch === envelope.epoch) return { offset: pushOffset, uncertain: false };
  const known = envelope.epochs?.[epoch];
  return known === undefined ? { offset: pushOffset, uncertain: true } : { offset: known, uncertain: false };
}

/** Stores pushes for one database. */
export interface Ingestor {
  /** Stores a validated push envelope from a device; resolves only after the transaction committed. */
  push(device: Device, envelope: PushEnvelope, now: () => number): Promise<PushResponse>;
}

/** Creates the ingestor of a database (one per server: it owns the group-commit queue); visitor phones need `posterSigner`. */
export function createIngestor(db: Db, opts: { posterSigner?: PosterSigner; forwardOutbox?: boolean; keyring?: DistrictKeyring } = {}): Ingestor {
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
      const corrections: StoredCorrection[] = [];
      // Visitor phones have no checkpoint: each item must prove it with a signed poster instead.
      const judgeSelf = device.kind === 'visitor' && opts.posterSigner ? selfCheckInJudge(db, opts.posterSigner) : null;
      // A district server forwarding: items of any checkpoint of its district, with the district's receipt facts.
      const upstream = device.kind === 'upstream' ? await upstreamJudge(db, device, envelope.items) : null;

      // Sealed items are opened first (in parallel: each is one HPKE open); plain ones pass as they are.
      const opened = await Promise.all(envelope.items.map((item) => openItem(opts.keyring, item)));
      for (const [index, item] of envelope.items.entries()) {
        const open = opened[index]!;
        if (!open.ok) {
          results.push({ id: idOf(item), status: 'rejected', reason: open.reason });
          continue;
        }
        const parsed = v.safeParse(CheckInSchema, open.item);
        const clock = itemOffset(open.epoch, envelope, clockOffsetMs);
        const selfRefusal = judgeSelf && parsed.success ? await judgeSelf(parsed.output, clock.offset) : null;
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
        } else if (device.revokedAt !== null && parsed.output.deviceTime + clock.offset > device.revokedAt) {
          // Revoked device: only what it recorded before the revocation is kept (docs/console.md, "Revocation").
          results.push({ id: parsed.output.id, status: 'rejected', reason: 'device_revoked: recorded after this device was revoked' });
        } else if (slots.has(parsed.output.id)) {
          results.push({ id: parsed.output.id, status: 'duplicate' });
        } else if (parsed.output.kind === 'fix') {
          // A correction of a person (guard devices only): stored beside the check-in, never over it.
          const correction = device.kind === 'guard' ? toStoredCorrection(parsed.output, { ...receipt, clockOffsetMs: clock.offset }) : 'fix_not_allowed: only a guard device may correct a check-in';
          if (typeof correction === 'string') results.push({ id: parsed.output.id, status: 'rejected', reason: correction });
          else {
            slots.set(parsed.output.id, results.length);
            results.push({ id: parsed.output.id, status: 'accepted' });
            corrections.push(correction);
          }
        } else {
          slots.set(parsed.output.id, results.length);
          results.push({ id: parsed.output.id, status: 'accepted' });
          const stored = toStoredCheckIn(parsed.output, { ...receipt, clockOffsetMs: clock.offset });
          if (device.revokedAt !== null) stored.fromRevokedDevice = true;
          if (clock.uncertain) stored.timeUncertain = true;
          toInsert.push(stored);
        }
      }

      const stored = results.filter((r) => r.status !== 'rejected').length;
      const inserted = await commits.run(async (trx) => {
        const ids = toInsert.length > 0 ? await writer.insertNew(trx, toInsert) : new Set<string>();
        const fixed = corrections.length > 0 ? await insertCorrections(trx, corrections) : new Set<string>();
        if (opts.forwardOutbox && ids.size > 0) await enqueueForward(trx, ids, receivedAt); // same transaction: nothing accepted is missed
        await recordDeviceSync(trx, device.id, {
          at: receivedAt,
          appVersion: envelope.appVersion,
          clockOffsetMs,
          pendingReported: Math.max(0, envelope.pending - stored),
        });
        return new Set([...ids, ...fixed]);
      });
      for (const [id, index] of slots) {
        if (!inserted.has(id)) results[index] = { id, status: 'duplicate' };
      }
      return { serverTime: now(), clockOffsetMs, results };
    },
  };
}
