/**
 * Ingesting a push: validate each item on its own, store the valid ones with insert-or-ignore in one
 * transaction together with the device's sync report, and answer one result per item, in order.
 * Pushes arriving while a transaction runs share the next one (group commit); each push is answered
 * only after the transaction holding it committed. The push quota is reserved in that same
 * transaction: when it covers only part of a push, the rest is left unanswered (the device sends it
 * again later); when nothing is left, the push is refused for a while (429 + Retry-After).
 */
import * as v from 'valibot';
import { CheckInSchema, describeIssues, type PushRequestSchema, type PushResponse } from '../../shared/protocol';
import type { Db } from '../db/database';
import { findCheckinById } from '../db/checkins-repo';
import { quotaUsage } from '../db/ingest-quota-repo';
import type { PosterSigner } from './poster-signing';
import { selfCheckInJudge } from './self-checkin';
import { clockOffset } from '../domain/clock';
import { toStoredCheckIn } from '../domain/stored-checkin';
import type { Device, StoredCheckIn } from '../domain/types';
import { judgeForwarded, loadForwarderScope } from '../forwarding/receiver-judge';
import { pushCounters, retryAfterSeconds } from './ingest-limits';
import { claimedTimeRefusal, revokedRefusal } from './ingest-rules';
import { toStoredCorrection } from '../domain/correction';
import { planPush, resultsOf, type Verdict } from './push-store';
import type { PushWrites } from './push-writes';
import type { DistrictKeyring } from '../sealed/district-keys';
import { openItems } from '../sealed/unseal';

export type PushEnvelope = v.InferOutput<typeof PushRequestSchema>;

/** How a push ended: stored (possibly only its first items), or refused by the quota. */
export type PushOutcome =
  | {
      type: 'stored';
      response: PushResponse;
      /** Set when the quota covered only part of the push. */ retryAfterS?: number;
    }
  | { type: 'quota_exceeded'; retryAfterS: number };

/** Where a push came from, beyond its token. */
export interface PushOrigin {
  /** The client address (as Fastify resolved it); null when unknown. */
  address: string | null;
  /**
   * A queue carried by hand (an exported file uploaded in the console): its `sentAt` is the export's,
   * days old, so no clock offset can be measured from it; items take their epoch's last known offset.
   */
  carried?: boolean;
}

/** Reads an item's id for the result line, whatever else is wrong with it. */
function idOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string') return item.id;
  return null;
}

/** The offset the push reports for a clock epoch, if any: its own entries only ("constructor" is no epoch of it). */
function epochOffset(envelope: PushEnvelope, epoch: string): number | undefined {
  const epochs = envelope.epochs;
  return epochs && Object.hasOwn(epochs, epoch) ? epochs[epoch] : undefined;
}

/**
 * The clock offset for one item: its own epoch's (protocol 2), the push's when it was recorded in the
 * epoch the push was built in, and the push's flagged uncertain when its epoch's offset is unknown.
 */
function itemOffset(
  epoch: string | undefined,
  envelope: PushEnvelope,
  pushOffset: number,
): { offset: number; uncertain: boolean } {
  if (epoch === undefined || epoch === envelope.epoch) return { offset: pushOffset, uncertain: false };
  const known = epochOffset(envelope, epoch);
  return known === undefined ? { offset: pushOffset, uncertain: true } : { offset: known, uncertain: false };
}

/**
 * The clock offset for an item of a carried queue: the last offset the device measured in the item's
 * epoch; where the file knows none, the device clock as it was, flagged uncertain.
 */
function carriedOffset(epoch: string | undefined, envelope: PushEnvelope): { offset: number; uncertain: boolean } {
  const known = epoch === undefined ? undefined : epochOffset(envelope, epoch);
  return known === undefined ? { offset: 0, uncertain: true } : { offset: known, uncertain: false };
}

/** Stores pushes for one database. */
export interface Ingestor {
  /** Stores a validated push envelope from a device; resolves only after the transaction committed. */
  push(device: Device, envelope: PushEnvelope, now: () => number, origin?: PushOrigin): Promise<PushOutcome>;
}

/**
 * Creates the ingestor of a database (one per server): it judges pushes on this thread and stores them through
 * `writes` (the push writes: group commits shared with the proofs' claims, on the writer thread when there is one);
 * visitor phones need `posterSigner`.
 */
export function createIngestor(
  db: Db,
  writes: PushWrites,
  opts: { posterSigner?: PosterSigner; forwardOutbox?: boolean; keyring?: DistrictKeyring } = {},
): Ingestor {
  /** The check-in a correction names: stored by this push (an earlier item), else on the server. */
  async function correctionTarget(ref: string | undefined, verdicts: readonly Verdict[]) {
    if (ref === undefined) return undefined;
    return verdicts.find((x) => x.stored?.id === ref)?.stored ?? (await findCheckinById(db, ref));
  }

  /** Judges every item of a push on its own, in order. */
  async function judgeAll(
    device: Device,
    envelope: PushEnvelope,
    receivedAt: number,
    clockOffsetMs: number,
    carried: boolean,
  ): Promise<Verdict[]> {
    const receipt = { deviceId: device.id, receivedAt, clockOffsetMs };
    // Visitor phones have no checkpoint: each item must prove it with a signed poster instead.
    const judgeSelf = device.kind === 'visitor' && opts.posterSigner ? selfCheckInJudge(db, opts.posterSigner) : null;
    // A district server forwarding: items of any checkpoint of its district, with the district's receipt facts.
    const forwarder = device.kind === 'forwarder' ? await loadForwarderScope(db, device, envelope.items) : null;
    const seen = new Set<string>();
    const verdicts: Verdict[] = [];
    const reject = (id: string | null, reason: string) => verdicts.push({ result: { id, status: 'rejected', reason } });

    // Sealed items are opened first, together (over the unseal threads); plain ones pass as they are.
    const opened = await openItems(opts.keyring, envelope.items);
    for (const [index, item] of envelope.items.entries()) {
      const open = opened[index]!;
      if (!open.ok) {
        reject(idOf(item), open.reason);
        continue;
      }
      const parsed = v.safeParse(CheckInSchema, open.item);
      if (!parsed.success) {
        reject(idOf(item), `invalid_checkin: ${describeIssues(parsed.issues)}`);
        continue;
      }
      const checkIn = parsed.output;
      // Each item is corrected by the offset of the clock epoch it was recorded in (protocol 2).
      const clock = carried ? carriedOffset(open.epoch, envelope) : itemOffset(open.epoch, envelope, clockOffsetMs);
      const itemReceipt = { ...receipt, clockOffsetMs: clock.offset };
      const times = { correctedTime: checkIn.deviceTime + clock.offset, receivedAt };
      let stored: StoredCheckIn;
      if (forwarder) {
        const verdict = judgeForwarded(forwarder, checkIn, device);
        if (typeof verdict === 'string') {
          reject(checkIn.id, verdict);
          continue;
        }
        stored = verdict;
      } else {
        const refusal =
          claimedTimeRefusal(device, times.correctedTime, receivedAt) ??
          (judgeSelf
            ? await judgeSelf(checkIn, times)
            : checkIn.checkpointId !== device.checkpointId
              ? 'wrong_checkpoint: this check-in belongs to another checkpoint than the one this device is enrolled to'
              : null) ??
          // Revoked device: only what it recorded before the revocation, for a while (docs/security.md).
          revokedRefusal(device, times.correctedTime, receivedAt);
        if (refusal !== null) {
          reject(checkIn.id, refusal);
          continue;
        }
        if (checkIn.kind === 'fix') {
          // A correction of a person (guard devices only): stored beside the check-in, never over it.
          const correction =
            device.kind === 'guard'
              ? toStoredCorrection(checkIn, itemReceipt, await correctionTarget(checkIn.ref, verdicts))
              : 'fix_not_allowed: only a guard device may correct a check-in';
          if (typeof correction === 'string') reject(checkIn.id, correction);
          else if (seen.has(checkIn.id)) verdicts.push({ result: { id: checkIn.id, status: 'duplicate' } });
          else {
            seen.add(checkIn.id);
            verdicts.push({ result: { id: checkIn.id, status: 'accepted' }, correction });
          }
          continue;
        }
        stored = toStoredCheckIn(checkIn, itemReceipt);
        if (device.revokedAt !== null) stored.fromRevokedDevice = true;
        if (clock.uncertain) stored.timeUncertain = true;
      }
      if (seen.has(checkIn.id)) {
        verdicts.push({ result: { id: checkIn.id, status: 'duplicate' } });
      } else {
        seen.add(checkIn.id);
        verdicts.push({ result: { id: checkIn.id, status: 'accepted' }, stored });
      }
    }
    return verdicts;
  }

  return {
    async push(device, envelope, now, origin = { address: null }) {
      const receivedAt = now();
      const carried = origin.carried === true;
      const clockOffsetMs = carried ? 0 : clockOffset(receivedAt, envelope.sentAt);
      const counters = pushCounters(device, origin.address, receivedAt);
      // Early, advisory refusal (no work for a token already over its quota); the reservation below decides.
      const usedBefore = await quotaUsage(db, counters);
      if (counters.some((c, i) => (usedBefore[i] ?? 0) >= c.limit)) {
        return { type: 'quota_exceeded', retryAfterS: retryAfterSeconds(counters, usedBefore, receivedAt) };
      }
      const verdicts = await judgeAll(device, envelope, receivedAt, clockOffsetMs, carried);
      const committed = await writes.storePush(
        planPush(verdicts, {
          device,
          counters,
          receivedAt,
          clockOffsetMs,
          carried,
          forwardOutbox: opts.forwardOutbox === true,
          appVersion: envelope.appVersion,
          pending: envelope.pending,
        }),
      );
      if (committed === null) {
        return {
          type: 'quota_exceeded',
          retryAfterS: retryAfterSeconds(counters, await quotaUsage(db, counters), receivedAt),
        };
      }
      const results = resultsOf(verdicts, committed);
      const response: PushResponse = { serverTime: now(), clockOffsetMs, results };
      if (results.length < verdicts.length) {
        return {
          type: 'stored',
          response,
          retryAfterS: retryAfterSeconds(counters, await quotaUsage(db, counters), receivedAt),
        };
      }
      return { type: 'stored', response };
    },
  };
}
