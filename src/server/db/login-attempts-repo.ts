/**
 * Failed console logins per username+IP key (a hash), in the database so every instance counts alike.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './database';

/** Records one failed attempt. */
export async function recordFailedLogin(db: Db, keyHash: string, at: number): Promise<void> {
  await db.insertInto('login_attempts').values({ id: uuidv7(), key_hash: keyHash, at }).execute();
}

/** Failed attempts for a key since a time: how many and the oldest one. */
export async function failedLoginsSince(db: Db, keyHash: string, since: number): Promise<{ count: number; oldest: number | null }> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('key_hash', '=', keyHash)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest === null ? null : Number(row.oldest) };
}

/** Forgets a key's failures (after a successful login) and everything older than `before`. */
export async function clearFailedLogins(db: Db, keyHash: string, before: number): Promise<void> {
  await db.deleteFrom('login_attempts').where((eb) => eb.or([eb('key_hash', '=', keyHash), eb('at', '<', before)])).execute();
}
