/**
 * Signing in and out of the console: rate-limited password check (per username+IP and per username,
 * reserved in the database before the check: login-limit.ts), a random session token in a cookie (only its hash
 * stored), a per-session CSRF token.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { deleteStaleAttempts } from '../db/login-attempts-repo';
import { deleteExpiredSessions, deleteSession, findSession, insertSession } from '../db/sessions-repo';
import { findUserById, findUserForLogin } from '../db/users-repo';
import { sha256Hex } from '../domain/secrets';
import { SESSION_TTL_MS } from './cookies';
import { LOGIN_WINDOW_MS, reserveSignIn } from './login-limit';
import { DUMMY_HASH, verifyPassword } from './password';
import type { ConsoleUser } from './roles';

export { MAX_ACCOUNT_LOGINS, MAX_ADDRESS_LOGINS, MAX_FAILED_LOGINS } from './login-limit';

type LoginOutcome =
  | { ok: true; user: ConsoleUser; token: string; csrfToken: string }
  | { ok: false; error: 'bad_credentials'; accountId: string | null }
  | { ok: false; error: 'rate_limited'; retryAfterS: number };

/** Checks a username and password (the attempt reserved against the limit first); on success creates a session. */
export async function logIn(
  db: Db,
  username: string,
  password: string,
  ip: string,
  now: number,
): Promise<LoginOutcome> {
  const limit = await reserveSignIn(db, username, ip, now);
  if (!limit.ok) return { ok: false, error: 'rate_limited', retryAfterS: limit.retryAfterS };
  const found = await findUserForLogin(db, username);
  const matches = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !matches || found.user.disabledAt !== null) {
    await limit.settle(false);
    return { ok: false, error: 'bad_credentials', accountId: found?.user.id ?? null };
  }
  await limit.settle(true);
  await deleteStaleAttempts(db, now - LOGIN_WINDOW_MS);
  await deleteExpiredSessions(db, now);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, sha256Hex(token), { userId: found.user.id, csrfToken, expiresAt: now + SESSION_TTL_MS }, now);
  const { id, username: name, displayName, role, unitId } = found.user;
  return { ok: true, user: { id, username: name, displayName, role, unitId }, token, csrfToken };
}

/** The signed-in user and CSRF token behind a session cookie value, if the session is live and the account enabled. */
export async function resolveSession(
  db: Db,
  token: string,
  now: number,
): Promise<{ user: ConsoleUser; csrfToken: string } | undefined> {
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
