/**
 * Ingest quota counters, kept in the database so several server instances share them. A reservation
 * locks the counter rows (an upsert that leaves them unchanged), reads how much is used, and adds what
 * it grants, all inside the caller's transaction: two pushes can never both take the last units.
 */
import type { Db } from './database';

/** One counter in one window, with its limit. */
export interface QuotaCounter {
  key: string;
  /** Start of the fixed window, ms; 0 for a counter without a window. */
  windowStart: number;
  limit: number;
  /** When the row may be purged, ms. */
  expiresAt: number;
}

/** Counters in one fixed order (same lock order in every transaction: no deadlocks between pushes). */
function ordered(counters: readonly QuotaCounter[]): QuotaCounter[] {
  return [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart - b.windowStart));
}

const slot = (key: string, windowStart: number) => `${key}\u0000${windowStart}`;

/** Units used so far on each counter (no lock: for an early, advisory refusal). */
export async function quotaUsage(db: Db, counters: readonly QuotaCounter[]): Promise<number[]> {
  if (counters.length === 0) return [];
  const rows = await db
    .selectFrom('ingest_quota')
    .select(['quota_key', 'window_start', 'used'])
    .where((eb) =>
      eb.or(counters.map((c) => eb.and([eb('quota_key', '=', c.key), eb('window_start', '=', c.windowStart)]))),
    )
    .execute();
  const used = new Map(rows.map((r) => [slot(r.quota_key, Number(r.window_start)), Number(r.used)]));
  return counters.map((c) => used.get(slot(c.key, c.windowStart)) ?? 0);
}

/**
 * Reserves up to `wanted` units on every counter at once and returns how many were granted (the same
 * amount on each: the smallest room left, never negative). Call inside the transaction that uses them.
 */
export async function reserveQuota(trx: Db, counters: readonly QuotaCounter[], wanted: number): Promise<number> {
  if (counters.length === 0 || wanted <= 0) return Math.max(0, wanted);
  const list = ordered(counters);
  const rows = await trx
    .insertInto('ingest_quota')
    .values(list.map((c) => ({ quota_key: c.key, window_start: c.windowStart, used: 0, expires_at: c.expiresAt })))
    .onConflict((oc) =>
      oc.columns(['quota_key', 'window_start']).doUpdateSet((eb) => ({ used: eb.ref('ingest_quota.used') })),
    )
    .returning(['quota_key', 'window_start', 'used'])
    .execute();
  const used = new Map(rows.map((r) => [slot(r.quota_key, Number(r.window_start)), Number(r.used)]));
  const room = Math.min(...list.map((c) => c.limit - (used.get(slot(c.key, c.windowStart)) ?? 0)));
  const granted = Math.max(0, Math.min(wanted, room));
  if (granted > 0) await addUsage(trx, list, granted);
  return granted;
}

/** Gives back units reserved but not used (e.g. items that turned out to be duplicates). */
export async function releaseQuota(trx: Db, counters: readonly QuotaCounter[], units: number): Promise<void> {
  if (counters.length > 0 && units > 0) await addUsage(trx, ordered(counters), -units);
}

async function addUsage(trx: Db, counters: readonly QuotaCounter[], units: number): Promise<void> {
  await trx
    .updateTable('ingest_quota')
    .set((eb) => ({ used: eb('used', '+', units) }))
    .where((eb) =>
      eb.or(counters.map((c) => eb.and([eb('quota_key', '=', c.key), eb('window_start', '=', c.windowStart)]))),
    )
    .execute();
}

/** Deletes counters whose window is over; returns how many. */
export async function purgeExpiredQuota(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('ingest_quota').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
