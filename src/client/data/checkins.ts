/**
 * Check-ins on the device: saving them (the outbox) and reading them back for the screens.
 * The outbox is the source of truth: a check-in leaves the pending state only on the server's word.
 * Rows are immutable; a check-in is pending while its id is in `outbox`, rejected when it is in
 * `rejected`, synced otherwise (see db.ts, version 3).
 */
import type { CheckIn, ItemResult, RiskKind, WireItem } from '../../shared/protocol';
import { UNKNOWN_NAME } from '../../shared/scan';
import { sealCheckIn } from '../../shared/sealed/seal-item';
import { currentEpoch } from './clock-epochs';
import { appDb, localDayOf, stripPersonal, type CheckInRow, type NameRow } from './db';
import { getDistrictKey, matchKeysOf, paperKeyOf } from './device-secrets';
import { getDeviceWipedAt } from './wipe';
import { purgeOldPhones } from './day-phones';
import { withDbRetry } from './retry';
import { classifyStorageError, reportStorageFailure } from './storage-failure';

/**
 * A check-in as the screens see it. On a guard device the person is only `{ name }` (today's name, else
 * a placeholder): everything else is sealed; `match` holds the keyed identity hashes instead.
 */
export type ViewCheckIn = CheckIn & { match?: string[]; paperKey?: string };

/** What the screens know about a stored check-in. */
export interface LocalCheckIn {
  checkIn: ViewCheckIn;
  status: 'pending' | 'synced' | 'rejected';
  savedAt: number;
  reason?: string;
  /**
   * The risk kinds the door saw for an arrival (a symptom, an exposure), present only when there is one; on a
   * guard device kept readable for the day only, beside the name, though the check-in's risk flags are sealed.
   */
  risk?: readonly RiskKind[];
}

/**
 * Turns rows into domain objects, looking their sync state up in `outbox` and `rejected`.
 * Call inside a transaction that includes both tables (or accept a momentary view).
 */
export async function toLocalCheckIns(rows: readonly CheckInRow[]): Promise<LocalCheckIn[]> {
  if (rows.length === 0) return [];
  const db = appDb();
  const ids = rows.map((row) => row.id);
  const [pending, rejected, names] = await Promise.all([
    db.outbox.bulkGet(ids),
    db.rejected.bulkGet(ids),
    namesOf(rows),
  ]);
  return rows.map((row, i): LocalCheckIn => {
    const today = names.get(row.id);
    const checkIn = viewOf(row, today?.name);
    const risk = riskOf(row, today);
    const refusal = rejected[i];
    const local: LocalCheckIn = refusal
      ? { checkIn, status: 'rejected', savedAt: row.savedAt, reason: refusal.reason }
      : { checkIn, status: pending[i] ? 'pending' : 'synced', savedAt: row.savedAt };
    return risk ? { ...local, risk } : local;
  });
}

/** Today's names (and risk kinds) of the rows that carry no person of their own (inside a transaction including `names`). */
async function namesOf(rows: readonly CheckInRow[]): Promise<Map<string, NameRow>> {
  const ids = rows.filter((row) => !row.person).map((row) => row.id);
  if (ids.length === 0) return new Map();
  const today = localDayOf(Date.now());
  const found = await appDb().names.bulkGet(ids);
  return new Map(found.flatMap((n) => (n && n.day === today ? [[n.id, n] as const] : [])));
}

/** The risk kinds of an arrival: a plain row's own flags, else what today's name row kept of a sealed one. */
function riskOf(row: CheckInRow, today: NameRow | undefined): readonly RiskKind[] | undefined {
  const kinds = row.risk?.kinds ?? today?.risk ?? [];
  return row.kind === 'in' && kinds.length > 0 ? kinds : undefined;
}

/** The screens' view of a stored row: a plain row as it is, a sealed one with only today's name. */
function viewOf(row: CheckInRow, name: string | undefined): ViewCheckIn {
  const { savedAt: _s, legacy: _l, sealed: _x, v: _v, epoch: _e, person, ...rest } = row;
  return { ...rest, person: person ?? { name: name ?? UNKNOWN_NAME } };
}

/** The wire form of a stored row: the sealed item, or a plain check-in queued before sealing (sent unchanged). */
function wireOf(row: CheckInRow): WireItem {
  const { savedAt: _s, legacy: _l, match: _m, paperKey: _p, ...rest } = row;
  if (rest.sealed) {
    const { id, checkpointId, kind, ref, groupId, source, deviceTime, epoch, sealed } = rest;
    return { v: 2, id, checkpointId, kind, ref, groupId, source, deviceTime, epoch, sealed };
  }
  return { ...rest, person: rest.person ?? { name: UNKNOWN_NAME } };
}

/** Reads rows and their sync state in one consistent transaction. */
function readLocal(read: () => Promise<CheckInRow[]>): Promise<LocalCheckIn[]> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('r', [db.checkins, db.outbox, db.rejected, db.names], async () => toLocalCheckIns(await read())),
  );
}

/**
 * The rows to store for some check-ins: sealed to the district key with identity hashes and today's names
 * on a guard device; plain (a visitor phone's own self check-ins, which never leave its owner) otherwise.
 */
async function rowsToStore(
  checkIns: readonly CheckIn[],
  now: number,
): Promise<{ rows: CheckInRow[]; names: NameRow[] }> {
  if (await getDeviceWipedAt()) throw new Error('this device was revoked and wiped; it records nothing more');
  const key = await getDistrictKey();
  if (!key) return { rows: checkIns.map((c): CheckInRow => ({ ...c, savedAt: now })), names: [] };
  const epoch = await currentEpoch();
  const day = localDayOf(now);
  const rows = await Promise.all(
    checkIns.map(async (c): Promise<CheckInRow> => {
      const { v: _v, ...sealed } = await sealCheckIn(key, c, epoch);
      const match = c.kind === 'in' ? await matchKeysOf(c.person) : [];
      // A paper row's sheet and row are sealed with the rest: its keyed hash lets the duplicate check work.
      const paperKey = c.kind === 'in' && c.paper ? await paperKeyOf(c.paper.sheet, c.paper.row) : undefined;
      return { ...sealed, v: 2, savedAt: now, match, ...(paperKey ? { paperKey } : {}) };
    }),
  );
  return { rows, names: checkIns.map((c) => nameRowOf(c, day)) };
}

/** Today's readable part of a sealed check-in: the name, and an arrival's risk kinds when it has any. */
function nameRowOf(checkIn: CheckIn, day: string): NameRow {
  const row: NameRow = { id: checkIn.id, name: checkIn.person.name, day };
  const kinds = checkIn.kind === 'in' ? (checkIn.risk?.kinds ?? []) : [];
  return kinds.length > 0 ? { ...row, risk: [...kinds] } : row;
}

/** Stores a new check-in in the outbox; resolves only once IndexedDB has committed it. */
export async function saveCheckIn(checkIn: CheckIn, now = Date.now()): Promise<void> {
  await saveCheckIns([checkIn], now);
}

/**
 * Stores several check-ins taken together (a family) atomically. A failure (quota full, storage
 * unavailable) is reported to the blocking warning before it is thrown to the caller.
 */
export async function saveCheckIns(checkIns: CheckIn[], now = Date.now()): Promise<void> {
  await reportingStorageFailure(async () => {
    // Sealing is WebCrypto work: done before the transaction (an awaited crypto call would end it).
    const prepared = await rowsToStore(checkIns, now);
    await withDbRetry(() => {
      const db = appDb();
      return db.transaction('rw', [db.checkins, db.outbox, db.names], () => storeRows(prepared));
    });
  });
}

/** Adds sealed rows to the check-ins and the outbox, with today's names (inside a transaction over all three). */
async function storeRows({ rows, names }: { rows: CheckInRow[]; names: NameRow[] }): Promise<void> {
  const db = appDb();
  await db.checkins.bulkAdd(rows);
  await db.outbox.bulkAdd(rows.map((row) => ({ id: row.id })));
  if (names.length > 0) await db.names.bulkPut(names);
}

/** Runs a save, reporting a storage failure to the blocking warning before it is thrown. */
async function reportingStorageFailure(save: () => Promise<void>): Promise<void> {
  try {
    await save();
  } catch (error) {
    // A second save of the same id is the caller's bug, not a storage problem.
    if ((error as { name?: string } | null)?.name !== 'BulkError' || classifyStorageError(error) === 'quota')
      reportStorageFailure(error);
    throw error;
  }
}

/** What `recordAtomically`'s decision saves (possibly nothing) and answers. */
export interface AtomicDecision<T> {
  save: CheckIn[];
  result: T;
}

/**
 * Reads the check-ins taken since `since` (device time) and saves what `decide` returns from them: the
 * repeat check and the save are one IndexedDB transaction, so two scans of the same code can never both
 * see "not inside" and both save, in one tab or in two. Sealing is WebCrypto work, which would end a
 * transaction, so the decision's check-ins are sealed first and the transaction decides again on what is
 * stored by then: the sealed rows are added only when it decides the same, else it starts over. Calls of
 * this page also queue behind each other (and behind other tabs where the browser has Web Locks), so
 * starting over is rare. `decide` must be pure and synchronous.
 */
export async function recordAtomically<T>(
  since: number,
  decide: (recent: ViewCheckIn[]) => AtomicDecision<T>,
  now = Date.now(),
): Promise<T> {
  return serialised(() => recordChecked(since, decide, now));
}

/** The most times a decision is sealed and checked again before giving up (each retry means another writer won). */
const MAX_DECISIONS = 5;

/** `recordAtomically` without the queue: exported for tests of two writers that do not share one. */
export async function recordChecked<T>(
  since: number,
  decide: (recent: ViewCheckIn[]) => AtomicDecision<T>,
  now = Date.now(),
): Promise<T> {
  const recent = async () => (await toLocalCheckIns(await recentRows(since))).map((local) => local.checkIn);
  for (let attempt = 0; attempt < MAX_DECISIONS; attempt++) {
    const first = decide(await readLocalRecent(since));
    if (first.save.length === 0) return first.result;
    const prepared = await rowsToStore(first.save, now);
    let stored = false;
    await reportingStorageFailure(() =>
      withDbRetry(() => {
        const db = appDb();
        return db.transaction('rw', [db.checkins, db.outbox, db.rejected, db.names], async () => {
          stored = false;
          if (decisionKey(decide(await recent()).save) !== decisionKey(first.save)) return;
          await storeRows(prepared);
          stored = true;
        });
      }),
    );
    if (stored) return first.result;
  }
  throw new Error('the check-ins changed under every attempt to record this one');
}

/** Rows taken since `since` (device time), newest first. */
function recentRows(since: number): Promise<CheckInRow[]> {
  return appDb().checkins.where('deviceTime').aboveOrEqual(since).reverse().toArray();
}

/** The recent check-ins in their own read transaction (outside the deciding one). */
async function readLocalRecent(since: number): Promise<ViewCheckIn[]> {
  return (await listSince(since)).map((local) => local.checkIn);
}

/** What a decision saves, without the ids it makes afresh each time (a departure's): equal keys, equal decisions. */
function decisionKey(save: readonly CheckIn[]): string {
  return JSON.stringify(
    save.map((c) => [
      c.kind,
      c.ref ?? null,
      c.checkpointId,
      c.source,
      c.person.idNumber ?? null,
      c.person.visitorId ?? null,
      c.person.name,
    ]),
  );
}

const RECORD_LOCK = 'tramqr-record';
let chain: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier one of this page, and under the cross-tab lock when the browser has Web Locks. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  const run = (): Promise<T> => (locks ? (locks.request(RECORD_LOCK, task) as Promise<T>) : task());
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

/** Number of check-ins still waiting to reach the server. */
export async function pendingCount(): Promise<number> {
  return withDbRetry(() => appDb().outbox.count());
}

/**
 * The oldest pending check-ins, at most `limit`, read in one transaction (what the next push sends);
 * `afterId` skips those up to that id (the batch already in flight when pushes are pipelined).
 */
export async function readPendingBatch(limit: number, afterId = ''): Promise<{ items: WireItem[]; pending: number }> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('r', db.checkins, db.outbox, async () => {
      const [ids, pending] = await Promise.all([
        db.outbox.where(':id').above(afterId).limit(limit).primaryKeys(),
        db.outbox.count(),
      ]);
      const rows = await readRowsByIds(ids);
      return { items: rows.map(wireOf), pending };
    }),
  );
}

/**
 * The rows of `ids` (sorted, as the outbox gives them), in that order. One range read covers a run of
 * the outbox (pending check-ins are mostly the newest rows); a bounded one, so old pending items far
 * apart cost little, and whatever the range missed is fetched by key.
 */
async function readRowsByIds(ids: readonly string[]): Promise<CheckInRow[]> {
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (first === undefined || last === undefined) return [];
  const db = appDb();
  const span = await db.checkins
    .where(':id')
    .between(first, last, true, true)
    .limit(ids.length * 2 + 16)
    .toArray();
  const byId = new Map(span.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const row of await db.checkins.bulkGet(missing)) if (row) byId.set(row.id, row);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Applies the server's per-item verdicts in one transaction: accepted and duplicate leave the outbox,
 * rejected ones move to "needs attention". Items the server did not answer for stay pending; an item
 * no longer pending (answered twice, or already settled) is left as it is: the first verdict wins.
 */
export async function applyPushResults(
  results: readonly ItemResult[],
  serverTime: number,
): Promise<{ cleared: number; rejected: number }> {
  const ids = [...new Set(results.flatMap((r) => (r.id === null ? [] : [r.id])))];
  if (ids.length === 0) return { cleared: 0, rejected: 0 };
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('rw', [db.outbox, db.rejected, db.checkins], async () => {
      // Only small key rows are touched (the check-in rows are never rewritten), with range requests:
      // the answered ids are a run of the outbox, so one key read and one range delete settle a batch.
      const sorted = [...ids].sort();
      const first = sorted[0] ?? '';
      const last = sorted[sorted.length - 1] ?? '';
      const pendingKeys = await db.outbox.where(':id').between(first, last, true, true).primaryKeys();
      const pending = new Set(pendingKeys);
      const settled = new Set<string>();
      const refusals: { id: string; reason: string; at: number }[] = [];
      for (const result of results) {
        if (result.id === null || !pending.delete(result.id)) continue;
        settled.add(result.id);
        if (result.status === 'rejected')
          refusals.push({ id: result.id, reason: result.reason ?? 'rejected', at: serverTime });
      }
      await Promise.all(
        settledRuns(pendingKeys, settled).map(([from, to]) =>
          db.outbox.where(':id').between(from, to, true, true).delete(),
        ),
      );
      if (refusals.length > 0) await db.rejected.bulkPut(refusals);
      await stripSettledLegacy(settled, new Set(refusals.map((r) => r.id)));
      return { cleared: settled.size - refusals.length, rejected: refusals.length };
    }),
  );
}

/** Plain rows queued before sealing lose their personal fields once the server has them (not when refused). */
async function stripSettledLegacy(settled: ReadonlySet<string>, refused: ReadonlySet<string>): Promise<void> {
  const db = appDb();
  const legacy = (await db.checkins.where('legacy').equals(1).primaryKeys()).filter(
    (id) => settled.has(id) && !refused.has(id),
  );
  if (legacy.length > 0)
    await db.checkins
      .where(':id')
      .anyOf(legacy)
      .modify((row) => stripPersonal(row));
}

/** Splits sorted outbox keys into maximal runs of settled ones, as [first, last] pairs to delete by range. */
function settledRuns(keys: readonly string[], settled: ReadonlySet<string>): [string, string][] {
  const runs: [string, string][] = [];
  let run: [string, string] | null = null;
  for (const key of keys) {
    if (!settled.has(key)) {
      run = null;
      continue;
    }
    if (run) run[1] = key;
    else runs.push((run = [key, key]));
  }
  return runs;
}

/** Check-ins the server refused: shown in "needs attention", never dropped. */
export async function listNeedsAttention(): Promise<LocalCheckIn[]> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('r', [db.checkins, db.rejected, db.names], async () => {
      const refusals = await db.rejected.toArray();
      const rows = await db.checkins.bulkGet(refusals.map((r) => r.id));
      const present = rows.flatMap((row) => (row ? [row] : []));
      const names = await namesOf(present);
      return refusals.flatMap((refusal, i): LocalCheckIn[] => {
        const row = rows[i];
        if (!row) return [];
        return [
          {
            checkIn: viewOf(row, names.get(row.id)?.name),
            status: 'rejected',
            savedAt: row.savedAt,
            reason: refusal.reason,
          },
        ];
      });
    }),
  );
}

/** Deletes the names of earlier days: a guard device shows a name only on the day it was taken. */
export async function purgeOldNames(now = Date.now()): Promise<number> {
  await purgeOldPhones(now);
  return withDbRetry(() => appDb().names.where('day').below(localDayOf(now)).delete());
}

/** Check-ins taken at or after `since` (device time), newest first. */
export async function listSince(since: number): Promise<LocalCheckIn[]> {
  return readLocal(() => recentRows(since));
}

/** Looks one check-in up by id. */
export async function getCheckIn(id: string): Promise<LocalCheckIn | undefined> {
  const [local] = await readLocal(async () => {
    const row = await appDb().checkins.get(id);
    return row ? [row] : [];
  });
  return local;
}

/** Deletes synced check-ins older than `before` (device time); pending and rejected ones are never touched. */
export async function purgeSyncedBefore(before: number): Promise<number> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('rw', db.checkins, db.outbox, db.rejected, async () => {
      const ids = await db.checkins.where('deviceTime').below(before).primaryKeys();
      if (ids.length === 0) return 0;
      const [pending, rejected] = await Promise.all([db.outbox.bulkGet(ids), db.rejected.bulkGet(ids)]);
      const synced = ids.filter((_, i) => !pending[i] && !rejected[i]);
      await db.checkins.bulkDelete(synced);
      return synced.length;
    }),
  );
}
