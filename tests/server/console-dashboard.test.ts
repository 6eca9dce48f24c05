import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import type { ConsoleDashboard } from '../../src/shared/console-api';

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

const dashboard = async (client = admin) =>
  (await client.request('GET', '/api/admin/dashboard')).json<ConsoleDashboard>();

describe('dashboard', () => {
  it('moves a checkpoint from silent to active when its device syncs check-ins', async () => {
    const before = await dashboard();
    expect(before.totals).toMatchObject({ registered: 8, active: 0 });
    const silent = before.silent.find((c) => c.code === 'TS-DL-001');
    expect(silent).toMatchObject({
      name: 'UBND xã Dân Lực',
      contactName: 'Lê Văn Hùng',
      contactPhone: '0912 345 601',
      lastCheckinAt: null,
    });

    const { token } = await s.enrol();
    await push(s.app, token, pushBody(checkIns(s.checkpoint.id, 3)));

    const after = await dashboard();
    expect(after.totals).toMatchObject({ registered: 8, active: 1, checkinsInWindow: 3 });
    expect(after.silent.map((c) => c.code)).not.toContain('TS-DL-001');
    expect(after.communes.find((c) => c.name === 'Xã Dân Lực')).toMatchObject({ registered: 1, active: 1 });
    const today = after.daily.at(-1)!;
    expect(after.daily).toHaveLength(30);
    expect(today.date).toBe('2026-11-28');
    expect(today.total).toBe(3);
  });

  it('counts a checkpoint silent again after 7 days without check-ins, and shows when it last had one', async () => {
    const { token } = await s.enrol();
    const [item] = checkIns(s.checkpoint.id, 1);
    await push(s.app, token, pushBody([item]));
    s.clock.now = T0 + 8 * 86_400_000;
    const later = await dashboard(await signIn(s.app, 'admin'));
    const silent = later.silent.find((c) => c.code === 'TS-DL-001');
    expect(silent?.lastCheckinAt).toBe(item!.deviceTime);
    expect(silent?.devices).toBe(1);
    expect(later.staleDevices.map((d) => d.checkpointCode)).toEqual(['TS-DL-001']);
  });

  it('buckets days in Vietnam time (UTC+7)', async () => {
    const { token } = await s.enrol();
    // 23:30 UTC on 27 Nov is 06:30 on 28 Nov in Vietnam.
    const item = { ...checkIns(s.checkpoint.id, 1)[0]!, deviceTime: Date.UTC(2026, 10, 27, 23, 30) };
    await push(s.app, token, pushBody([item]));
    const d = await dashboard();
    expect(d.daily.find((x) => x.date === '2026-11-28')?.total).toBe(1);
    expect(d.daily.find((x) => x.date === '2026-11-27')?.total).toBe(0);
  });

  it('gives a commune officer only their commune', async () => {
    const officer = await signIn(s.app, 'canbo.danluc');
    const d = await dashboard(officer);
    expect(d.totals.registered).toBe(1);
    expect(d.communes.map((c) => c.name)).toEqual(['Xã Dân Lực']);
  });

  it('exports the silent checkpoints as UTF-8 CSV with a BOM that spreadsheets open in Vietnamese', async () => {
    const res = await admin.request('GET', '/api/admin/dashboard/export/silent');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="chot-im-lang-2026-11-28.csv"');
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Mã chốt,Tên chốt,"Xã, thị trấn",Người phụ trách,Số điện thoại,Lượt quét gần nhất,Số thiết bị',
    );
    expect(lines).toContain('TS-DL-001,UBND xã Dân Lực,Xã Dân Lực,Lê Văn Hùng,0912 345 601,,0');
    expect(lines).toHaveLength(9);
  });

  it('exports communes and daily counts; unknown tables are 404', async () => {
    const communes = (await admin.request('GET', '/api/admin/dashboard/export/communes')).body;
    expect(communes).toContain('Xã Dân Lực,1,0,1');
    const daily = (await admin.request('GET', '/api/admin/dashboard/export/daily')).body.split('\r\n');
    expect(daily[0]).toBe(
      '\uFEFFNgày,Mã QR cá nhân,Căn cước công dân,Mã QR quốc gia,Nhập tay,Khai hộ,Phiếu giấy,Tự quét mã của chốt,Tổng lượt quét',
    );
    expect(daily).toHaveLength(32);
    expect((await admin.request('GET', '/api/admin/dashboard/export/users')).statusCode).toBe(404);
  });
});
