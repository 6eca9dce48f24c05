/**
 * New passwords are judged by zxcvbn-ts (issue 11): console account creation and password change
 * refuse guessable ones with a Vietnamese reason; the refused password is never stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';
import { PASSWORD, createAccount, signIn, type ConsoleClient } from './console-helpers';

let s: TestServer;
let admin: ConsoleClient;
beforeEach(async () => {
  s = await startTestServer();
  await createAccount(s.db, 'admin', 'admin');
  admin = await signIn(s.app, 'admin');
});
afterEach(async () => {
  await s.close();
});

const usernames = async () =>
  (await admin.request('GET', '/api/admin/users')).json<{ username: string }[]>().map((u) => u.username);

describe('password strength', () => {
  it.each([
    ['1234567890', 'một trăm mật khẩu bị dùng nhiều nhất'],
    ['aaaaaaaaaaaa', 'lặp lại'],
    ['truyvet.hl2026', 'tên đăng nhập'],
    ['ngan', 'ít nhất 10 ký tự'],
  ])('refuses %s when creating an account, saying why in Vietnamese', async (password, why) => {
    const res = await admin.request('POST', '/api/admin/users', {
      username: 'truyvet.hl',
      displayName: 'Lê Thị Hoa',
      role: 'tracer',
      password,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: string; message: string; messageEn: string }>();
    expect(body.error).toBe('weak_password');
    expect(body.message).toContain(why);
    expect(body.messageEn.length).toBeGreaterThan(10);
    expect(await usernames()).not.toContain('truyvet.hl');
  });

  it('accepts a long passphrase', async () => {
    const res = await admin.request('POST', '/api/admin/users', {
      username: 'truyvet.hl',
      displayName: 'Lê Thị Hoa',
      role: 'tracer',
      password: 'ba-con-trau-di-cay-ruong-lua',
    });
    expect(res.statusCode).toBe(201);
    expect(await usernames()).toContain('truyvet.hl');
  });

  it('refuses a guessable new password on password change and keeps the old one', { timeout: 30_000 }, async () => {
    const res = await admin.request('POST', '/api/admin/password', { current: PASSWORD, next: '1234567890' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('quá dễ đoán');
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/admin/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const ok = await admin.request('POST', '/api/admin/password', {
      current: PASSWORD,
      next: 'ba-con-trau-di-cay-ruong-lua',
    });
    expect(ok.statusCode).toBe(200);
  });
});
