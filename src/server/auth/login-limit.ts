/**
 * The sign-in limit, shared by login and password change: at most MAX_FAILED_LOGINS attempts per
 * (account, address), MAX_ACCOUNT_LOGINS per account from all addresses, and MAX_ADDRESS_LOGINS per address over all
 * accounts (a guess or two at every username, "password spraying") within LOGIN_WINDOW_MS.
 * Each attempt is reserved atomically BEFORE the ~100 ms password check; a refused reservation
 * never reaches scrypt.
 */
import type { Db } from '../db/database';
import { clearAttempts, releaseAttempt, reserveAttempt } from '../db/login-attempts-repo';
import { sha256Hex } from '../domain/secrets';

/** Attempts allowed per username + address within the window. */
export const MAX_FAILED_LOGINS = 5;
/** Attempts allowed per username from every address together within the window. */
export const MAX_ACCOUNT_LOGINS = 20;
/**
 * Attempts allowed from one address over every username together within the window: a commune office behind one
 * address mistypes far fewer, and a successful sign-in gives its attempt back.
 */
export const MAX_ADDRESS_LOGINS = 30;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** A reserved attempt (settle it after the check) or a refusal with its Retry-After. */
type LimitDecision = { ok: true; settle(success: boolean): Promise<void> } | { ok: false; retryAfterS: number };

/** Hashed keys: the table holds no usernames or addresses. */
function keysFor(username: string, ip: string): { pair: string; account: string; address: string } {
  const name = username.trim().toLowerCase();
  return {
    pair: sha256Hex(`pair\n${name}\n${ip}`),
    account: sha256Hex(`account\n${name}`),
    address: sha256Hex(`address\n${ip}`),
  };
}

/** Reserves one sign-in attempt for a username from an address, or refuses it. */
export async function reserveSignIn(db: Db, username: string, ip: string, now: number): Promise<LimitDecision> {
  const keys = keysFor(username, ip);
  const retryAfter = (windowStart: number) => Math.max(1, Math.ceil((windowStart + LOGIN_WINDOW_MS - now) / 1000));
  const pair = await reserveAttempt(db, keys.pair, now, LOGIN_WINDOW_MS);
  if (pair.count > MAX_FAILED_LOGINS) return { ok: false, retryAfterS: retryAfter(pair.windowStart) };
  const account = await reserveAttempt(db, keys.account, now, LOGIN_WINDOW_MS);
  if (account.count > MAX_ACCOUNT_LOGINS) return { ok: false, retryAfterS: retryAfter(account.windowStart) };
  const address = await reserveAttempt(db, keys.address, now, LOGIN_WINDOW_MS);
  if (address.count > MAX_ADDRESS_LOGINS) return { ok: false, retryAfterS: retryAfter(address.windowStart) };
  return {
    ok: true,
    async settle(success) {
      if (!success) return;
      await clearAttempts(db, keys.pair);
      await releaseAttempt(db, keys.account);
      await releaseAttempt(db, keys.address);
    },
  };
}
