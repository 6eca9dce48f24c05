import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { listAudit } from '../../src/server/db/audit-repo';
import { verifyPassword, hashPassword } from '../../src/server/auth/password';
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

const login = (username: string, password: string, ip = '10.0.0.1') =>
  s.app.inject({ method: 'POST', url: '/api/admin/login', payload: { username, password }, remoteAddress: ip });

describe('console sign-in', () => {
  it('stores scrypt hashes with a per-user salt and verifies them', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword('wrong-password', a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'garbage')).toBe(false);
  });

  it('sets an HttpOnly SameSite=Strict cookie and returns the user and a CSRF token', async () => {
    const res = await login('ADMIN', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^tq_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\//);
    expect(cookie).not.toContain('Secure'); // http public URL
    expect(res.json()).toMatchObject({ user: { username: 'admin', role: 'admin' }, csrfToken: expect.any(String) });
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const app = await buildApp({ ...s.target, publicUrl: 'https://tram.example.vn', now: () => s.clock.now });
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(String(res.headers['set-cookie'])).toContain('; Secure');
    await app.close();
  });

  it('refuses wrong passwords and unknown users alike with 401', async () => {
    for (const [u, p] of [
      ['admin', 'wrong-password'],
      ['nobody', PASSWORD],
    ] as const) {
      const res = await login(u, p);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('bad_credentials');
    }
  });

  it('answers 429 with Retry-After after 5 failures per username and IP, in the database', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin', 'wrong-password')).statusCode).toBe(401);
    const limited = await login('admin', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    // Another instance on the same database sees the same count.
    const other = await buildApp({ ...s.target, publicUrl: 'http://district.test', now: () => s.clock.now });
    const res = await other.inject({
      method: 'POST',
      url: '/api/admin/login',
      payload: { username: 'admin', password: PASSWORD },
      remoteAddress: '10.0.0.1',
    });
    expect(res.statusCode).toBe(429);
    await other.close();
    // Another IP is not blocked; and after 15 minutes the first one may try again.
    expect((await login('admin', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    s.clock.now += 15 * 60_000 + 1;
    expect((await login('admin', PASSWORD)).statusCode).toBe(200);
  });

  it('shares sessions between server instances (sessions live in the database)', async () => {
    const client = await signIn(s.app, 'admin');
    const other = await buildApp({ ...s.target, publicUrl: 'http://district.test', now: () => s.clock.now });
    const res = await other.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().csrfToken).toBe(client.csrf);
    await other.close();
  });

  it('requires the CSRF token and a same-origin Origin on state-changing requests', async () => {
    const client = await signIn(s.app, 'admin');
    const body = { repeatWindowMin: 15 };
    const noToken = await s.app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: { cookie: client.cookie },
      payload: body,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toBe('csrf_token');
    const crossSite = await client.request('PUT', '/api/admin/settings', body, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error).toBe('bad_origin');
    const ok = await client.request('PUT', '/api/admin/settings', body, { origin: 'http://district.test' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().repeatWindowMin).toBe(15);
  });

  it('logs out: the cookie no longer works', async () => {
    const client = await signIn(s.app, 'admin');
    expect((await client.request('POST', '/api/admin/logout')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/admin/session')).statusCode).toBe(401);
  });

  it('expires sessions after 12 hours', async () => {
    const client = await signIn(s.app, 'admin');
    s.clock.now += 12 * 3_600_000 + 1;
    expect((await client.request('GET', '/api/admin/dashboard')).statusCode).toBe(401);
  });

  it('audits sign-ins without passwords', async () => {
    await signIn(s.app, 'admin');
    const entries = await listAudit(s.db, 10);
    expect(entries.map((e) => e.action)).toContain('session.login');
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it('disabling an account ends its sessions', async () => {
    const admin = await signIn(s.app, 'admin');
    const officerId = await createAccount(s.db, 'canbo.danluc', 'officer');
    const officer = await signIn(s.app, 'canbo.danluc');
    expect((await admin.request('POST', `/api/admin/users/${officerId}/disable`)).statusCode).toBe(200);
    expect((await officer.request('GET', '/api/admin/checkpoints')).statusCode).toBe(401);
    expect((await login('canbo.danluc', PASSWORD)).statusCode).toBe(401);
  });
});
