/**
 * The write transaction of one push: reserve its quota, store the check-ins and corrections that are new,
 * queue them for forwarding and record the device's sync report, all in one transaction. Data in, data
 * out (a plan of the push's items in, one letter per item taken out), so it runs the same on the request
 * thread and on the push writer thread (`push-writes.ts`), which receives the plan as a message.
 */
import type { ItemResult } from '../../shared/protocol';
import type { Db } from '../db/database';
import { packCheckins, storedIds, type PackedCheckins, type createCheckinWriter } from '../db/checkins-repo';
import { recordDeviceSync } from '../db/devices-repo';
import { releaseQuota, reserveQuota, type QuotaCounter } from '../db/ingest-quota-repo';
import { insertCorrections } from '../db/corrections-repo';
import type { StoredCorrection } from '../domain/correction';
import type { Device, StoredCheckIn } from '../domain/types';
import { enqueueForward } from '../forwarding/outbox-repo';
import { revokedCounter } from './ingest-limits';
import { ingestMessage } from './ingest-messages';

/** An item's verdict before the transaction: its result line and, when it is to be stored, the row. */
export interface Verdict {
  result: ItemResult;
  stored?: StoredCheckIn;
  /** A guard's correction of a person (kind `fix`), stored beside the check-in. */
  correction?: StoredCorrection;
}

/** What an item is to the transaction: a check-in to store, a correction, a duplicate within the push, rejected. */
type ItemKind = 'c' | 'f' | 'd' | 'r';

/**
 * Everything the transaction of one push needs, judged before it. Plain data, and little of it: the check-ins
 * packed (`packCheckins`), each item's kind one letter; it is cloned to the writer thread.
 */
export interface PushPlan {
  device: Device;
  counters: QuotaCounter[];
  /** One letter per item, in order (`ItemKind`). */
  kinds: string;
  /** The check-ins to store, in item order. */
  checkins: PackedCheckins;
  /** The corrections, in item order. */
  corrections: StoredCorrection[];
  receivedAt: number;
  clockOffsetMs: number;
  /** A queue carried by hand: the device's last sync and clock stay as they were. */
  carried: boolean;
  /** Queue what is stored for the server above (this server forwards). */
  forwardOutbox: boolean;
  appVersion: string;
  /** What the device said it still holds, this push included. */
  pending: number;
}

/**
 * What the transaction did: how many items (the first ones) the quota let in, and one letter per item taken:
 * `a` as judged, `d` a duplicate (stored before), `x` refused (over a revoked device's allowance).
 */
export interface StoredPush {
  taken: number;
  outcomes: string;
}

/** The check-in writer of one connection (it keeps that connection's prepared statements). */
type CheckinWriter = ReturnType<typeof createCheckinWriter>;

/** The plan of a push from its verdicts and the facts of its receipt. */
export function planPush(
  verdicts: readonly Verdict[],
  facts: Omit<PushPlan, 'kinds' | 'checkins' | 'corrections'>,
): PushPlan {
  let kinds = '';
  const checkins: StoredCheckIn[] = [];
  const corrections: StoredCorrection[] = [];
  for (const verdict of verdicts) {
    let kind: ItemKind = verdict.result.status === 'rejected' ? 'r' : 'd';
    if (verdict.stored) {
      kind = 'c';
      checkins.push(verdict.stored);
    } else if (verdict.correction) {
      kind = 'f';
      corrections.push(verdict.correction);
    }
    kinds += kind;
  }
  return { ...facts, kinds, checkins: packCheckins(checkins), corrections };
}

/** The answer lines of the items a push's transaction took, in order. */
export function resultsOf(verdicts: readonly Verdict[], stored: StoredPush): ItemResult[] {
  return verdicts.slice(0, stored.taken).map((verdict, i): ItemResult => {
    const id = verdict.result.id;
    const outcome = stored.outcomes[i];
    if (outcome === 'd') return { id, status: 'duplicate' };
    if (outcome === 'x') return { id, status: 'rejected', reason: ingestMessage('device_revoked_limit') };
    return verdict.result;
  });
}

/** Runs the write transaction of one push inside `trx`; null when the quota has nothing left. */
export async function storePush(trx: Db, writer: CheckinWriter, plan: PushPlan): Promise<StoredPush | null> {
  const { device, counters, receivedAt, checkins } = plan;
  const granted = await reserveQuota(trx, counters, Math.max(1, plan.kinds.length));
  if (granted === 0) return null;
  const kinds = plan.kinds.slice(0, granted);
  const outcomes: string[] = [...kinds].map(() => 'a');
  /** Item position of each check-in and correction taken. */
  const checkinAt: number[] = [];
  const fixAt: number[] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === 'c') checkinAt.push(i);
    else if (kinds[i] === 'f') fixAt.push(i);
  }
  let toInsert = checkinAt.length;
  const revoked =
    device.revokedAt !== null && toInsert > 0 ? revokedCounter({ ...device, revokedAt: device.revokedAt }) : null;
  let revokedGranted = 0;
  if (revoked) {
    revokedGranted = await reserveQuota(trx, [revoked], toInsert);
    // Over the allowance: what is already stored is a duplicate (the device may forget it); the rest is refused.
    const overIds = checkins.ids.slice(revokedGranted, toInsert);
    const known = await storedIds(trx, overIds);
    overIds.forEach((id, k) => (outcomes[checkinAt[revokedGranted + k] ?? 0] = known.has(id) ? 'd' : 'x'));
    toInsert = revokedGranted;
  }
  const ids = toInsert > 0 ? await writer.insertNew(trx, checkins, toInsert) : new Set<string>();
  for (let k = 0; k < toInsert; k++) if (!ids.has(checkins.ids[k] ?? '')) outcomes[checkinAt[k] ?? 0] = 'd';
  const fixes = plan.corrections.slice(0, fixAt.length);
  const fixed = fixes.length > 0 ? await insertCorrections(trx, fixes) : new Set<string>();
  fixes.forEach((fix, k) => {
    if (!fixed.has(fix.id)) outcomes[fixAt[k] ?? 0] = 'd';
  });
  if (revoked) await releaseQuota(trx, [revoked], revokedGranted - ids.size); // duplicates cost nothing
  // Same transaction: nothing accepted is missed.
  if (plan.forwardOutbox && ids.size > 0) await enqueueForward(trx, ids, receivedAt);
  const stored = outcomes.filter((o, i) => o !== 'x' && kinds[i] !== 'r').length;
  // A carried file is not the device talking to the server: its last sync and clock stay as they were.
  if (!plan.carried)
    await recordDeviceSync(trx, device.id, {
      at: receivedAt,
      appVersion: plan.appVersion,
      clockOffsetMs: plan.clockOffsetMs,
      pendingReported: Math.max(0, plan.pending - stored),
    });
  return { taken: granted, outcomes: outcomes.join('') };
}
