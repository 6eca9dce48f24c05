/**
 * The "Low" findings of issue 11, each as a user (or an attacker) would check it: answers are 4xx,
 * never 500; wildcards are literal; retention reaches every row and the audit log; both databases
 * refuse broken text alike; the audit log keeps refusals but no search terms; TRUST_PROXY is strict.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import { parseTrustProxy } from '../../src/server/cli/trust-proxy';
import { trustProxyFromEnv } from '../../src/server/cli/paths';
import { listAudit } from '../../src/server/db/audit-repo';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { updateSettings } from '../../src/server/db/settings-repo';
import { purgeExpired, AUDIT_RETENTION_DAYS } from '../../src/server/services/retention';
import { makeCheckIn } from '../support/make-checkin';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

const DAY = 86_400_000;
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

describe('low findings', () => {
  it('dashboard export of constructor, __proto__, toString is a 404, not a 500', async () => {
    for (const table of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const res = await admin.request('GET', `/api/admin/dashboard/export/${table}`);
      expect(res.statusCode, table).toBe(404);
      expect(res.json().error).toBe('unknown_table');
    }
  });

  it('a deeply nested protocol value in a push is a 400, not a 500', async () => {
    const { token } = await s.enrol();
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const body = `{"protocol":${deep},"sentAt":${T0},"appVersion":"0.1.0","pending":0,"items":[]}`;
    const res = await s.app.inject({
      method: 'POST',
      url: API.push,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    const shallow = await push(s.app, token, { ...pushBody([]), protocol: { v: [1, 2, { x: 'y' }] } });
    expect(shallow.statusCode).toBe(400);
    expect(shallow.json().error).toBe('unsupported_protocol');
  });

  it('a name made of % or _ matches nobody (LIKE wildcards are literal)', async () => {
    const guard = await s.enrol();
    await push(
      s.app,
      guard.token,
      pushBody([0, 1, 2].map((i) => makeCheckIn(i, { checkpointId: guard.checkpoint.id }))),
    );
    await createAccount(s.db, 'truyvet', 'tracer');
    const tracer = await signIn(s.app, 'truyvet');
    const found = async (name: string) => {
      const res = await tracer.request('GET', `${TRACING_API.persons}?name=${encodeURIComponent(name)}`);
      if (res.statusCode === 400) return 0; // too short to search: refused, which also matches nobody
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      return res.json<{ persons: unknown[] }>().persons.length;
    };
    expect(await found('nguyen')).toBe(1); // Nguyễn Văn An
    for (const wildcard of ['%', '_', '%%', '__', '_%_', '%%%%', '\\\\', 'ng%n', 'ngu_en'])
      expect(await found(wildcard), wildcard).toBe(0);
  });

  it('retention deletes a row whose corrected time lies in the far future once it was received long enough ago', async () => {
    const guard = await s.enrol();
    await push(s.app, guard.token, pushBody([makeCheckIn(0, { checkpointId: guard.checkpoint.id })]));
    // However such a row got there (a device clock decades ahead), its corrected time is years away.
    await s.db
      .updateTable('checkins')
      .set({ corrected_time: T0 + 50 * 365 * DAY })
      .execute();
    await updateSettings(s.db, { retentionDays: 14 });
    expect((await purgeExpired(s.db, T0 + 13 * DAY)).checkins).toBe(0);
    expect(await countCheckins(s.db)).toBe(1);
    expect((await purgeExpired(s.db, T0 + 15 * DAY)).checkins).toBe(1);
    expect(await countCheckins(s.db)).toBe(0);
  });

  it('text with a lone UTF-16 surrogate is refused with 400 and nothing is stored (SQLite and PostgreSQL alike)', async () => {
    const { token, checkpoint } = await s.enrol();
    const item = JSON.stringify(makeCheckIn(0, { checkpointId: checkpoint.id })).replace(
      '"Nguyễn Văn An"',
      '"Nguyễn Văn An\\ud800"',
    );
    const body = `{"protocol":${JSON.stringify(pushBody([]).protocol)},"sentAt":${T0},"appVersion":"0.1.0","pending":1,"items":[${item}]}`;
    const res = await s.app.inject({
      method: 'POST',
      url: API.push,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('lone_surrogate');
    expect(await countCheckins(s.db)).toBe(0);
    // A well-formed pair (an emoji) is fine.
    const ok = await push(
      s.app,
      token,
      pushBody([makeCheckIn(1, { checkpointId: checkpoint.id, person: { name: 'Lê Thị Bình 😀' } })]),
    );
    expect(ok.statusCode).toBe(200);
    expect(await countCheckins(s.db)).toBe(1);
    const query = await admin.request('GET', `${TRACING_API.persons}?name=%ED%A0%80`);
    expect(query.statusCode).toBeLessThan(500);
  });

  it('the audit log records refused console requests, keeps no search terms, and is purged after its period', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
    const officer = await signIn(s.app, 'canbo.danluc');
    expect((await officer.request('GET', '/api/admin/users')).statusCode).toBe(403);
    await createAccount(s.db, 'truyvet', 'tracer');
    const tracer = await signIn(s.app, 'truyvet');
    await tracer.request('GET', `${TRACING_API.persons}?id=038095010000&name=${encodeURIComponent('Nguyễn Văn An')}`);
    const log = await listAudit(s.db, 100);
    const refused = log.filter((e) => e.action === 'console.refused');
    expect(refused.map((e) => [e.detail?.status, e.detail?.code, e.detail?.route, e.username])).toEqual(
      expect.arrayContaining([
        [401, 'not_signed_in', '/api/admin/users', null],
        [403, 'forbidden', '/api/admin/users', 'canbo.danluc'],
      ]),
    );
    expect(JSON.stringify(log)).not.toMatch(/038095010000|Nguy|cccd:/);
    expect(log.find((e) => e.action === 'trace.search')?.detail).toMatchObject({ fields: ['id', 'name'] });
    await purgeExpired(s.db, Date.now() + (AUDIT_RETENTION_DAYS + 1) * DAY);
    expect(await listAudit(s.db, 100)).toEqual([]);
  });

  it('TRUST_PROXY takes a hop count or addresses, never "true"', () => {
    expect(parseTrustProxy('true')).toMatchObject({ ok: false });
    expect(parseTrustProxy('*')).toMatchObject({ ok: false });
    expect(parseTrustProxy('0.0.0.0/0x')).toMatchObject({ ok: false });
    expect(parseTrustProxy('1')).toEqual({ ok: true, value: 1 });
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual({
      ok: true,
      value: ['127.0.0.1', '10.0.0.0/8', '::1'],
    });
    expect(parseTrustProxy(undefined)).toEqual({ ok: true, value: undefined });
    expect(() => trustProxyFromEnv('true')).toThrow(/hop count/);
  });
});
