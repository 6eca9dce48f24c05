/**
 * Check-ins on the device: saving them (the outbox) and reading them back for the screens.
 * The outbox is the source of truth: a check-in leaves the pending state only on the server's word.
 * Rows are immutable; a check-in is pending while its id is in `outbox`, rejected when it is in
 * `rejected`, synced otherwise (see db.ts, version 3).
 */
import type { CheckIn, ItemResult } from '../../shared/protocol';
import { appDb, type CheckInRow } from './db';
import { withDbRetry } from './retry';
import { classifyStorageError, reportStorageFailure } from './storage-failure';

/** What the screens know about a stored check-in. */
export interface LocalCheckIn {
  checkIn: CheckIn;
  status: 'pending' | 'synced' | 'rejected';
  savedAt: number;
  reason?: string;
}

/**
 * Turns rows into domain objects, looking their sync state up in `outbox` and `rejected`.
 * Call inside a transaction that includes both tables (or accept a momentary view).
 */
export async function toLocalCheckIns(rows: readonly CheckInRow[]): Promise<LocalCheckIn[]> {
  if (rows.length === 0) return [];
  const db = appDb();
  const ids = rows.map((row) => row.id);
  const [pending, rejected] = await Promise.all([db.outbox.bulkGet(ids), db.rejected.bulkGet(ids)]);
  return rows.map(({ savedAt, ...checkIn }, i): LocalCheckIn => {
    const refusal = rejected[i];
    if (refusal) return { checkIn, status: 'rejected', savedAt, reason: refusal.reason };
    return { checkIn, status: pending[i] ? 'pending' : 'synced', savedAt };
  });
}

/** Reads rows and their sync state in one consistent transaction. */
function readLocal(read: () => Promise<CheckInRow[]>): Promise<LocalCheckIn[]> {
  const db = appDb();
  return withDbRetry(() => db.transaction('r', db.checkins, db.outbox, db.rejected, async () => toLocalCheckIns(await read())));
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
  const rows = checkIns.map((c): CheckInRow => ({ ...c, savedAt: now }));
  try {
    await withDbRetry(() => {
      const db = appDb();
      return db.transaction('rw', db.checkins, db.outbox, async () => {
        await db.checkins.bulkAdd(rows);
        await db.outbox.bulkAdd(rows.map((row) => ({ id: row.id })));
      });
    });
  } catch (error) {
    // A second save of the same id is the caller's bug, not a storage problem.
    if ((error as { name?: string } | null)?.name !== 'BulkError' || classifyStorageError(error) === 'quota') reportStorageFailure(error);
    throw error;
  }
}

/** Number of check-ins still waiting to reach the server. */
export async function pendingCount(): Promise<number> {
  return withDbRetry(() => appDb().outbox.count());
}

/**
 * The oldest pending check-ins, at most `limit`, read in one transaction (what the next push sends);
 * `afterId` skips those up to that id (the batch already in flight when pushes are pipelined).
 */
export async function readPendingBatch(limit: number, afterId = ''): Promise<{ items: CheckIn[]; pending: number }> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('r', db.checkins, db.outbox, async () => {
      const [ids, pending] = await Promise.all([db.outbox.where(':id').above(afterId).limit(limit).primaryKeys(), db.outbox.count()]);
      const rows = await readRowsByIds(ids);
      const items: CheckIn[] = [];
      for (const row of rows) {
        const { savedAt: _savedAt, ...checkIn } = row;
        items.push(checkIn);
      }
      return { items, pending };
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
  const span = await db.checkins.where(':id').between(first, last, true, true).limit(ids.length * 2 + 16).toArray();
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
export async function applyPushResults(results: readonly ItemResult[], serverTime: number): Promise<{ cleared: number; rejected: number }> {
  const ids = [...new Set(results.flatMap((r) => (r.id === null ? [] : [r.id])))];
  if (ids.length === 0) return { cleared: 0, rejected: 0 };
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('rw', db.outbox, db.rejected, async () => {
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
        if (result.status === 'rejected') refusals.push({ id: result.id, reason: result.reason ?? 'rejected', at: serverTime });
      }
      await Promise.all(settledRuns(pendingKeys, settled).map(([from, to]) => db.outbox.where(':id').between(from, to, true, true).delete()));
      if (refusals.length > 0) await db.rejected.bulkPut(refusals);
      return { cleared: settled.size - refusals.length, rejected: refusals.length };
    }),
  );
}

/** Splits sorted outbox keys into maximal runs of settled ones, as [first, last] pairs to delete by range. */
export function settledRuns(keys: readonly string[], settled: ReadonlySet<string>): [string, string][] {
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
    db.transaction('r', db.checkins, db.rejected, async () => {
      const refusals = await db.rejected.toArray();
      const rows = await db.checkins.bulkGet(refusals.map((r) => r.id));
      return refusals.flatMap((refusal, i): LocalCheckIn[] => {
        const row = rows[i];
        if (!row) return [];
        const { savedAt, ...checkIn } = row;
        return [{ checkIn, status: 'rejected', savedAt, reason: refusal.reason }];
      });
    }),
  );
}

/** Check-ins taken at or after `since` (device time), newest first. */
export async function listSince(since: number): Promise<LocalCheckIn[]> {
  return readLocal(() => appDb().checkins.where('deviceTime').aboveOrEqual(since).reverse().toArray());
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
