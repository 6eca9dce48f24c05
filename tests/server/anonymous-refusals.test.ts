/**
 * Refused console requests of nobody known are counted, not listed (API review item 4): an anonymous loop adds one
 * audit row per route, method, status, code and 10-minute window, whose count the administrator reads; refusals of
 * a signed-in account stay one row each; the console's own "am I signed in?" probe is not a refusal at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/console-api/answers';
import { REFUSAL_WINDOW_MS } from '../../src/server/auth/refusals';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { startTestServer, type TestServer } from './helpers';

let s: TestServer;
let admin: ConsoleClient;
beforeEach(async () => {
  s = await startTestServer();
  await createAccount(s.db, 'admin', 'admin');
  await createAccount(s.db, 'canbo.danluc', 'officer', 'TS-DL');
  admin = await signIn(s.app, 'admin');
});
afterEach(async () => {
  await s.close();
});

/** The refusal entries the administrator's audit page receives. */
async function refusals(): Promise<AuditEntry[]> {
  const res = await admin.request('GET', '/api/admin/audit?limit=500');
  expect(res.statusCode).toBe(200);
  return res.json<AuditEntry[]>().filter((e) => e.action === 'console.refused');
}

describe('anonymous console refusals', () => {
  it('a loop of anonymous refusals is one counted entry per route, method, code and window', async () => {
    const sent = await Promise.all(
      Array.from({ length: 60 }, () => s.app.inject({ method: 'GET', url: '/api/admin/users' })),
    );
    expect(sent.map((r) => r.statusCode)).toEqual(Array(60).fill(401));
    expect(sent[0]!.json()).toMatchObject({ error: 'not_signed_in' });
    // A foreign Origin on a write is refused before any session is read: counted the same way.
    for (let i = 0; i < 5; i++) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: { origin: 'https://evil.example' },
        payload: {},
      });
      expect(res.statusCode).toBe(403);
    }
    s.clock.now += 3 * 60_000; // same window
    await s.app.inject({ method: 'GET', url: '/api/admin/users' });

    let log = await refusals();
    expect(
      log.map((e) => [e.detail?.route, e.detail?.method, e.detail?.status, e.detail?.code, e.detail?.times]),
    ).toEqual(
      expect.arrayContaining([
        ['/api/admin/users', 'GET', 401, 'not_signed_in', 61],
        ['/api/admin/users', 'POST', 403, 'bad_origin', 5],
      ]),
    );
    expect(log).toHaveLength(2);
    expect(log.every((e) => e.username === null && e.detail?.windowMin === 10)).toBe(true);

    // The next window starts a new entry; the old one keeps its count.
    s.clock.now += REFUSAL_WINDOW_MS;
    await s.app.inject({ method: 'GET', url: '/api/admin/users' });
    log = await refusals();
    expect(log.filter((e) => e.detail?.code === 'not_signed_in').map((e) => e.detail?.times)).toEqual([1, 61]);
  });

  it('refusals of a signed-in account stay one entry each, named', async () => {
    const officer = await signIn(s.app, 'canbo.danluc');
    for (let i = 0; i < 3; i++) expect((await officer.request('GET', '/api/admin/users')).statusCode).toBe(403);
    const log = await refusals();
    expect(log).toHaveLength(3);
    expect(log.map((e) => [e.username, e.detail?.code, e.detail?.times])).toEqual(
      Array(3).fill(['canbo.danluc', 'forbidden', undefined]),
    );
  });

  it('the console asking whether it is signed in (login and door screens) is answered 401 but not audited', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await s.app.inject({ method: 'GET', url: '/api/admin/session' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'not_signed_in' });
    }
    expect(await refusals()).toEqual([]);
  });
});
