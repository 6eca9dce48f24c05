/**
 * Console sessions, stored in the database (hash of the cookie value only) so any server instance
 * can serve any request.
 */
import type { Db } from './database';

interface SessionRecord {
  userId: string;
  csrfToken: string;
  expiresAt: number;
}

/** Stores a new session. */
export async function insertSession(db: Db, tokenHash: string, session: SessionRecord, now: number): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: now,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The unexpired session with this token hash, if any. */
export async function findSession(db: Db, tokenHash: string, now: number): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: Number(row.expires_at) };
}

/** Ends one session. */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (disabled account, changed password). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Drops expired sessions (housekeeping at login). */
export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
