/**
 * The sign-in limit is reserved before the password check (issue 11): concurrent guesses cannot all
 * be evaluated, an account has a limit across addresses, an address across accounts, and the password-change route
 * shares them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/server/db/audit-repo';
import { MAX_ACCOUNT_LOGINS, MAX_ADDRESS_LOGINS, MAX_FAILED_LOGINS } from '../../src/server/auth/login';
import { startTestServer, type TestServer } from './helpers';
import { PASSWORD, createAccount, signIn } from './console-helpers';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
  await createAccount(s.db, 'admin', 'admin');
});
afterEach(async () => {
  await s.close();
});

const login = (password: string, ip = '10.0.0.1') =>
  s.app.inject({
    method: 'POST',
    url: '/api/admin/login',
    payload: { username: 'admin', password },
    remoteAddress: ip,
  });

const sessionCount = async () =>
  Number(
    (
      await s.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('login limit', () => {
  it(
    'evaluates at most the limit of 40 simultaneous guesses; the right password past the limit does not sign in',
    { timeout: 60_000 },
    async () => {
      const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? PASSWORD : `wrong-guess-${i}`));
      const answers = await Promise.all(guesses.map((g) => login(g)));
      const statuses = answers.map((a) => a.statusCode);
      const evaluated = statuses.filter((st) => st !== 429).length;
      expect(evaluated).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
      expect(statuses.filter((st) => st === 429).length).toBeGreaterThanOrEqual(40 - MAX_FAILED_LOGINS);
      expect(statuses[39]).toBe(429);
      expect(answers[39]!.headers['set-cookie']).toBeUndefined();
      expect(await sessionCount()).toBe(0);
      // Failed and refused sign-ins are in the audit log (reason only, no username or password typed).
      const entries = (await listAudit(s.db, 100)).filter((e) => e.action === 'session.login_failed');
      expect(entries.length).toBe(40);
      expect(JSON.stringify(entries)).not.toContain('wrong-guess');
      expect(new Set(entries.map((e) => e.detail?.reason))).toEqual(new Set(['bad_credentials', 'rate_limited']));
    },
  );

  it('limits an account across addresses too', { timeout: 60_000 }, async () => {
    for (let i = 0; i < MAX_ACCOUNT_LOGINS; i++)
      expect((await login('wrong-password', `10.1.0.${i + 1}`)).statusCode).toBe(401);
    const fresh = await login(PASSWORD, '10.2.0.1');
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
    expect(await sessionCount()).toBe(0);
    s.clock.now += 15 * 60_000 + 1;
    expect((await login(PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('limits one address guessing at every username (password spraying)', { timeout: 60_000 }, async () => {
    const guess = (username: string, ip = '10.3.0.1') =>
      s.app.inject({
        method: 'POST',
        url: '/api/admin/login',
        payload: { username, password: 'Matkhau123' },
        remoteAddress: ip,
      });
    // Sign-ins that succeed give their attempt back: an office signing in all day is not locked out.
    for (let i = 0; i < 2; i++) expect((await login(PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    for (let i = 0; i < MAX_ADDRESS_LOGINS; i++) expect((await guess(`canbo${i}`)).statusCode).toBe(401);
    const next = await guess('canbo.moi');
    expect(next.statusCode).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    // The right password from there waits too; another address signs in.
    expect((await login(PASSWORD, '10.3.0.1')).statusCode).toBe(429);
    expect((await login(PASSWORD, '10.3.0.2')).statusCode).toBe(200);
  });

  it('does not count successful sign-ins against the account', { timeout: 60_000 }, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS + 2; i++) expect((await login(PASSWORD)).statusCode).toBe(200);
  });

  it('applies the same limit to the password-change route', { timeout: 60_000 }, async () => {
    const me = await signIn(s.app, 'admin');
    const change = (current: string) =>
      me.request('POST', '/api/admin/password', { current, next: 'ba-con-trau-di-cay-ruong-lua' });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await change(`wrong-${i}`)).statusCode).toBe(403);
    const right = await change(PASSWORD);
    expect(right.statusCode).toBe(429);
    // The password did not change: the old one still signs in (from another address).
    expect((await login(PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  });
});
