/**
 * Signing in and out of the console: rate-limited password check (per username+IP, in the
 * database), a random session token in a cookie (only its hash stored), a per-session CSRF token.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { clearFailedLogins, failedLoginsSince, recordFailedLogin } from '../db/login-attempts-repo';
import { deleteExpiredSessions, deleteSession, findSession, insertSession } from '../db/sessions-repo';
import { findUserById, findUserForLogin } from '../db/users-repo';
import { sha256Hex } from '../domain/secrets';
import { SESSION_TTL_MS } from './cookies';
import { DUMMY_HASH, verifyPassword } from './password';
import type { ConsoleUser } from './roles';

/** Failures allowed per username+IP within the window before logins are refused. */
export const MAX_FAILED_LOGINS = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export type LoginOutcome =
  | { ok: true; user: ConsoleUser; token: string; csrfToken: string }
  | { ok: false; error: 'bad_credentials' }
  | { ok: false; error: 'rate_limited'; retryAfterS: number };

/** The rate-limit key: a hash, so the table holds no usernames or addresses. */
function attemptKey(username: string, ip: string): string {
  return sha256Hex(`${username.trim().toLowerCase()}\n${ip}`);
}

/** Checks a username and password; on success creates a session. */
export async function logIn(db: Db, username: string, password: string, ip: string, now: number): Promise<LoginOutcome> {
  const key = attemptKey(username, ip);
  const failures = await failedLoginsSince(db, key, now - LOGIN_WINDOW_MS);
  if (failures.count >= MAX_FAILED_LOGINS) {
    const retryAfterS = Math.max(1, Math.ceil(((failures.oldest ?? now) + LOGIN_WINDOW_MS - now) / 1000));
    return { ok: false, error: 'rate_limited', retryAfterS };
  }
  const found = await findUserForLogin(db, username);
  const matches = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !matches || found.user.disabledAt !== null) {
    await recordFailedLogin(db, key, now);
    return { ok: false, error: 'bad_credentials' };
  }
  await clearFailedLogins(db, key, now - LOGIN_WINDOW_MS);
  await deleteExpiredSessions(db, now);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, sha256Hex(token), { userId: found.user.id, csrfToken, expiresAt: now + SESSION_TTL_MS }, now);
  const { id, username: name, displayName, role, unitId } = found.user;
  return { ok: true, user: { id, username: name, displayName, role, unitId }, token, csrfToken };
}

/** The signed-in user and CSRF token behind a session cookie value, if the session is live and the account enabled. */
export async function resolveSession(db: Db, token: string, now: number): Promise<{ user: ConsoleUser; csrfToken: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const session = await findSession(db, sha256Hex(token), now);
  if (!session) return undefined;
  const user = await findUserById(db, session.userId);
  if (!user || user.disabledAt !== null) return undefined;
  const { id, username, displayName, role, unitId } = user;
  return { user: { id, username, displayName, role, unitId }, csrfToken: session.csrfToken };
}

/** Ends the session behind a cookie value. */
export async function logOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, sha256Hex(token));
}
