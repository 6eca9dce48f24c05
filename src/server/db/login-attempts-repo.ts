/**
 * Login limits in the database (so every server instance counts alike): one counter row per hashed
 * key with a fixed window. An attempt is RESERVED with a single upsert statement before the password
 * is checked, so concurrent guesses cannot all slip under the limit (the row is locked by the upsert
 * on PostgreSQL; SQLite has one writer).
 */
import { sql } from 'kysely';
import type { Db } from './database';

/** The counter of one key after a reservation. */
interface Reservation {
  /** Attempts in the current window, this one included. */
  count: number;
  windowStart: number;
}

/** Counts one attempt for a key (a new window when the old one ended) and returns the counter. */
export async function reserveAttempt(db: Db, keyHash: string, now: number, windowMs: number): Promise<Reservation> {
  const expired = now - windowMs;
  const row = await db
    .insertInto('login_limits')
    .values({ key_hash: keyHash, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        count: sql<number>`case when login_limits.window_start <= ${expired} then 1 else login_limits.count + 1 end`,
        window_start: sql<number>`case when login_limits.window_start <= ${expired} then ${now} else login_limits.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: Number(row.window_start) };
}

/** Gives one reserved attempt back (a successful sign-in does not count against the account). */
export async function releaseAttempt(db: Db, keyHash: string): Promise<void> {
  await db
    .updateTable('login_limits')
    .set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
    .where('key_hash', '=', keyHash)
    .execute();
}

/** Forgets a key's counter (after a successful sign-in from that address). */
export async function clearAttempts(db: Db, keyHash: string): Promise<void> {
  await db.deleteFrom('login_limits').where('key_hash', '=', keyHash).execute();
}

/** Deletes counters whose window ended before `before` (housekeeping). */
export async function deleteStaleAttempts(db: Db, before: number): Promise<void> {
  await db.deleteFrom('login_limits').where('window_start', '<', before).execute();
}
