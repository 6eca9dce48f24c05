/**
 * Issue 12, "Vietnamese everywhere" on the server: dashboard CSV headers and file names (local date),
 * source labels in trace exports, and "Lượt quét" counting arrivals only — through inject on a real database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import type { ConsoleDashboard } from '../../src/shared/console-api';

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

describe('dashboard words and counts', () => {
  it('names CSV files by the date in Vietnam, not UTC', async () => {
    s.clock.now = Date.UTC(2026, 10, 28, 23, 30); // 06:30 on 29 Nov in Vietnam
    const later = await signIn(s.app, 'admin');
    const res = await later.request('GET', '/api/admin/dashboard/export/communes');
    expect(res.headers['content-disposition']).toBe('attachment; filename="theo-xa-2026-11-29.csv"');
    expect(res.body.split('\r\n')[0]).toBe('\uFEFF"Xã, thị trấn",Số chốt đăng ký,Có dữ liệu 7 ngày,Chốt im lặng');
    const devices = await later.request('GET', '/api/admin/dashboard/export/devices');
    expect(devices.body.split('\r\n')[0]).toContain('Tên máy,Mã chốt,Tên chốt');
  });

  it('"Lượt quét" counts arrivals: check-outs are not scans', async () => {
    const { token } = await s.enrol();
    const arrivals = checkIns(s.checkpoint.id, 3);
    const outs = arrivals.map((a) => ({
      ...a,
      id: uuidv7(),
      kind: 'out' as const,
      ref: a.id,
      deviceTime: a.deviceTime + 600_000,
    }));
    expect((await push(s.app, token, pushBody([...arrivals, ...outs]))).statusCode).toBe(200);
    const d = (await admin.request('GET', '/api/admin/dashboard')).json<ConsoleDashboard>();
    expect(d.totals.checkinsInWindow).toBe(3);
    expect(d.daily.at(-1)?.total).toBe(3);
    const daily = (await admin.request('GET', '/api/admin/dashboard/export/daily')).body.split('\r\n');
    expect(daily.at(-2) ?? daily.at(-1)).toMatch(/,3$/);
  });
});

describe('device names', () => {
  const enrolWith = async (deviceLabel?: string) => {
    const created = await admin.request('POST', `/api/admin/checkpoints/${s.checkpoint.id}/enrolment-links`, {
      expiresHours: 24,
      ...(deviceLabel === 'via-link' ? { deviceName: 'Máy cổng chính' } : {}),
    });
    const link = created.json<{ link: string }>().link;
    const [code, query] = link.split('#')[1]!.split('?');
    const label = deviceLabel === 'via-link' ? new URLSearchParams(query).get('name')! : deviceLabel;
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/enrol',
      payload: { code, appVersion: '0.1.0', ...(label ? { deviceLabel: label } : {}) },
    });
    expect(res.statusCode).toBe(201);
    return link;
  };
  const labels = async () =>
    (
      await s.db
        .selectFrom('devices')
        .select('label')
        .where('kind', '=', 'guard')
        .orderBy('enrolled_at')
        .orderBy('id')
        .execute()
    ).map((d) => d.label);

  it('names a device from the checkpoint and a number, or as the officer named it in the link; never by user-agent', async () => {
    await enrolWith();
    await enrolWith(
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36'.slice(0, 80),
    );
    const link = await enrolWith('via-link');
    expect(link).toMatch(/\/enrol#[^?]+\?name=M%C3%A1y%20c%E1%BB%95ng%20ch%C3%ADnh$/);
    expect(await labels()).toEqual(['Máy 1 – UBND xã Dân Lực', 'Máy 2 – UBND xã Dân Lực', 'Máy cổng chính']);
  });
});
