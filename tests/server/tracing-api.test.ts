/**
 * The tracer's API on a real SQLite file: three guard devices push overlapping and non-overlapping
 * visits; a tracer finds the case by a name typed without diacritics, merges its two records, and
 * gets exactly the expected timeline, F1, F2, zone, exports, audit entries and risk notices.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { purgeExpired } from '../../src/server/services/retention';
import type { TraceResult, ContactEntry } from '../../src/server/tracing/tracing-service';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

const H = 3_600_000;
/** 27 Nov 2026 at hh:mm UTC (the day before the server's clock). */
const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);

const CASE: Person = {
  name: 'Nguyễn Văn Án',
  idNumber: '038095000001',
  birthYear: 1995,
  phone: '0912000001',
  address: 'Thôn 3, Xã Dân Lực',
};
const CASE_NATIONAL: Person = { name: 'NGUYEN VAN AN', idMasked: '******000001', birthDate: '1995-**-**' };
const X: Person = { name: 'Lê Thị Bình', phone: '0912000002', address: 'Thôn 1, Thị trấn Nưa' };
const Z: Person = { name: 'Trần Văn Cường', idNumber: '038095000003', phone: '0912000003' };
const R: Person = { name: 'Phạm Thị Dung', idNumber: '038095000004', phone: '0912000004' };
const Y: Person = { name: 'Hoàng Văn Em', idNumber: '038095000005', phone: '0912000005', address: 'Xóm 2, Xã Thọ Tân' };
const W: Person = { name: 'Vũ Thị Giang', idNumber: '038095000006', phone: '0912000006' };

function visit(checkpointId: string, person: Person, time: number, source: CheckIn['source'] = 'cccd'): CheckIn {
  return { id: uuidv7(), checkpointId, kind: 'in', source, deviceTime: time, person };
}

let server: TestServer;
let tracer: ConsoleClient;
let window: { from: number; to: number };

beforeAll(async () => {
  server = await startTestServer();
  const guardA = await server.enrol('TS-DL-001'); // default stay 60 min
  const guardB = await server.enrol('TS-NUA-001'); // 90 min
  const guardC = await server.enrol('TS-TTA-001'); // 240 min, its clock runs two hours slow
  const a = guardA.checkpoint.id;
  const b = guardB.checkpoint.id;
  const c = guardC.checkpoint.id;

  const caseIn = visit(a, CASE, at(2));
  const aItems = [
    caseIn,
    { ...visit(a, CASE, at(3)), kind: 'out' as const, ref: caseIn.id },
    visit(a, X, at(2, 30), 'paper'), // F1: 02:30–03:30 inside 01:45–03:15 → 45 min
    visit(a, Z, at(5)), // after the case left: not a contact
  ];
  const bItems = [visit(b, X, at(6), 'paper'), visit(b, R, at(6, 30))]; // R meets X (F1) → F2
  const slow = 2 * H;
  const cItems = [
    visit(c, CASE_NATIONAL, at(8) - slow, 'national_qr'), // the case again, by national QR: 08:00–12:00
    visit(c, Y, at(9) - slow), // F1 once merged: 09:00–13:00 inside 07:45–12:15 → 195 min
    visit(c, W, at(12, 50) - slow), // 25 min with Y only → F2
  ];
  for (const [guard, items, sentAt] of [
    [guardA, aItems, T0],
    [guardB, bItems, T0],
    [guardC, cItems, T0 - slow],
  ] as const) {
    const res = await push(server.app, guard.token, pushBody([...items], { sentAt }));
    expect(res.statusCode).toBe(200);
  }
  await createAccount(server.db, 'truyvet', 'tracer');
  await createAccount(server.db, 'canbo', 'officer');
  await createAccount(server.db, 'quantri', 'admin');
  tracer = await signIn(server.app, 'truyvet');
  window = { from: at(0), to: at(23, 59) };
});

afterAll(async () => {
  await server.close();
});

interface Found {
  personKey: string;
  name: string;
  visits: number;
  sources: string[];
}

const caseKeys = ['cccd:038095000001', 'masked:000001|nguyen van an|1995'];

describe('tracer API', () => {
  it('finds every record of the case by a name typed without diacritics and with odd spacing', async () => {
    const res = await tracer.request('GET', `${TRACING_API.persons}?name=${encodeURIComponent('  NGUYEN  van an ')}`);
    expect(res.statusCode).toBe(200);
    const persons = res.json<{ persons: Found[] }>().persons;
    expect(persons.map((p) => p.personKey).sort()).toEqual(caseKeys);
    expect(persons.find((p) => p.personKey === 'cccd:038095000001')).toMatchObject({
      name: 'Nguyễn Văn Án',
      visits: 1,
      sources: ['cccd'],
    });
  });

  it('finds the case by CCCD (including the masked national QR) and a contact by phone', async () => {
    const byId = (await tracer.request('GET', `${TRACING_API.persons}?id=038095000001`)).json<{ persons: Found[] }>()
      .persons;
    expect(byId.map((p) => p.personKey).sort()).toEqual(caseKeys);
    const byPhone = (
      await tracer.request('GET', `${TRACING_API.persons}?phone=${encodeURIComponent('+84 912 000 002')}`)
    ).json<{ persons: Found[] }>().persons;
    expect(byPhone.map((p) => p.name)).toEqual(['Lê Thị Bình']);
  });

  it('answers a search without any criterion with a clear 400', async () => {
    const res = await tracer.request('GET', TRACING_API.persons);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('before the merge sees only the CCCD visit; after it, both visits and exactly the expected F1', async () => {
    const before = (
      await tracer.request('POST', TRACING_API.run, { personKeys: ['cccd:038095000001'], ...window })
    ).json<TraceResult>();
    expect(before.f1.map((c) => c.name)).toEqual(['Lê Thị Bình']);

    const merged = await tracer.request('POST', TRACING_API.merge, { personKeys: caseKeys });
    expect(merged.statusCode).toBe(200);

    const res = await tracer.request('POST', TRACING_API.run, { personKeys: ['cccd:038095000001'], ...window });
    expect(res.statusCode).toBe(200);
    const trace = res.json<TraceResult>();
    expect(trace.timeline.map((t) => [t.checkpointCode, t.start, t.end, t.endKnown, t.skewed])).toEqual([
      ['TS-DL-001', at(2), at(3), true, false],
      ['TS-TTA-001', at(8), at(12), false, true], // corrected for the slow clock, default stay 240 min
    ]);
    expect(trace.f1.map((c) => [c.name, c.overlapMin, c.phone])).toEqual([
      ['Hoàng Văn Em', 195, '0912000005'],
      ['Lê Thị Bình', 45, '0912000002'],
    ]);
    const zone = trace.zone.map((z) => [
      z.unitName,
      z.contacts,
      z.checkpoints.map((cp) => [cp.code, cp.contacts, cp.windows.length]),
    ]);
    expect(zone.sort()).toEqual([
      ['Xã Dân Lực', 1, [['TS-DL-001', 1, 1]]],
      ['Xã Thọ Tân', 1, [['TS-TTA-001', 1, 1]]],
    ]);
  });

  it('gives F2 on demand: contacts of the contacts, never the case or F1', async () => {
    const res = await tracer.request('POST', TRACING_API.secondRing, { personKeys: ['cccd:038095000001'], ...window });
    expect(res.statusCode).toBe(200);
    const f2 = res.json<{ f2: ContactEntry[] }>().f2;
    expect(f2.map((c) => [c.name, c.overlapMin]).sort()).toEqual([
      ['Phạm Thị Dung', 75], // X's stay 06:00–07:30 widened to 07:45; R from 06:30
      ['Vũ Thị Giang', 25],
    ]);
  });

  it('exports an XLSX whose sheets read back with Vietnamese headers and the F1 rows', async () => {
    const res = await tracer.request('POST', TRACING_API.export, {
      personKeys: ['cccd:038095000001'],
      ...window,
      format: 'xlsx',
      caseName: 'Nguyễn Văn Án',
    });
    expect(res.statusCode).toBe(200);
    // The file says whose trace it is and for which days (Vietnam time: 27 Nov 07:00 to 28 Nov 06:59).
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="truy-vet-nguyen-van-an-2026-11-27-den-2026-11-28.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Danh sách F1',
      'Danh sách F2',
      'Vùng khoanh',
      'Lịch trình ca bệnh',
    ]);
    // Every sheet opens with its title line: the case, the period and the buffer.
    expect(book.worksheets.map((s) => s.getRow(1).getCell(1).value)).toEqual([
      'Danh sách F1 của ca Nguyễn Văn Án, 27/11–28/11/2026, khoảng đệm 15 phút',
      'Danh sách F2 của ca Nguyễn Văn Án, 27/11–28/11/2026, khoảng đệm 15 phút',
      'Vùng khoanh của ca Nguyễn Văn Án, 27/11–28/11/2026, khoảng đệm 15 phút',
      'Lịch trình của ca Nguyễn Văn Án, 27/11–28/11/2026, khoảng đệm 15 phút',
    ]);
    // F2 is in the file, each with the F1 they met.
    const f2Sheet = book.getWorksheet('Danh sách F2')!;
    const f2Head = (f2Sheet.getRow(2).values as unknown[]).slice(1);
    const f2Rows = [3, 4].map((n) => (f2Sheet.getRow(n).values as unknown[]).slice(1));
    expect(f2Rows.map((r) => [r[1], r[f2Head.indexOf('Tiếp xúc với (F1)')]]).sort()).toEqual([
      ['Phạm Thị Dung', 'Lê Thị Bình'],
      ['Vũ Thị Giang', 'Hoàng Văn Em'],
    ]);
    expect(f2Sheet.rowCount).toBe(4);
    const sheet = book.getWorksheet('Danh sách F1');
    const values = (n: number) => (sheet?.getRow(n + 1).values as unknown[]).slice(1);
    expect(values(1).slice(0, 8)).toEqual([
      'STT',
      'Họ và tên',
      'Số giấy tờ',
      'Năm sinh',
      'Số điện thoại',
      'Địa chỉ',
      'Điểm kiểm tra',
      'Số phút tiếp xúc',
    ]);
    expect([values(2)[1], values(2)[2], values(2)[4], values(2)[7]]).toEqual([
      'Hoàng Văn Em',
      '038095000005',
      '0912000005',
      195,
    ]);
    expect([values(3)[1], values(3)[4], values(3)[7]]).toEqual(['Lê Thị Bình', '0912000002', 45]);
    expect(sheet?.rowCount).toBe(4);
    expect(book.getWorksheet('Vùng khoanh')?.rowCount).toBe(4);
    // The case's timeline names each source in words, never the code ("cccd").
    const timeline = book.getWorksheet('Lịch trình ca bệnh');
    const header = (timeline?.getRow(2).values as unknown[]).slice(1);
    const sourceColumn = header.indexOf('Nguồn');
    expect(sourceColumn).toBeGreaterThanOrEqual(0);
    const sources = new Set<unknown>();
    timeline?.eachRow((row, n) => n > 2 && sources.add((row.values as unknown[]).slice(1)[sourceColumn]));
    expect(sources.size).toBeGreaterThan(0);
    expect(
      [...sources].every((s) =>
        [
          'Căn cước công dân',
          'Mã QR cá nhân',
          'Nhập tay',
          'Phiếu giấy',
          'Khai hộ',
          'Mã QR quốc gia',
          'Tự quét mã của chốt',
        ].includes(String(s)),
      ),
    ).toBe(true);
  });

  it('exports CSV as UTF-8 with a BOM', async () => {
    const res = await tracer.request('POST', TRACING_API.export, {
      personKeys: ['cccd:038095000001'],
      ...window,
      format: 'csv',
      part: 'zone',
    });
    expect(res.statusCode).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Xã/phường,Điểm kiểm tra,Mã điểm,Từ,Đến,Số người tiếp xúc');
    expect(lines).toHaveLength(3);
    // No case was named: the file name still says the part and the days.
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="truy-vet-vung-2026-11-27-den-2026-11-28.csv"',
    );
  });

  it('exports F2 as CSV: headers on the first line, the case and the period in the file name', async () => {
    const res = await tracer.request('POST', TRACING_API.export, {
      personKeys: ['cccd:038095000001'],
      ...window,
      format: 'csv',
      part: 'contacts',
      ring: 'f2',
      caseName: '  Nguyễn Văn Án / Đợt 2  ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="truy-vet-f2-nguyen-van-an-dot-2-2026-11-27-den-2026-11-28.csv"',
    );
    const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^STT,Họ và tên,Số giấy tờ,.*,Tiếp xúc với \(F1\),/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[1])
        .sort(),
    ).toEqual(['Phạm Thị Dung', 'Vũ Thị Giang']);
  });

  it('refuses a case name longer than 200 characters with a reason', async () => {
    const res = await tracer.request('POST', TRACING_API.export, {
      personKeys: ['cccd:038095000001'],
      ...window,
      format: 'csv',
      caseName: 'A'.repeat(201),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toBe('invalid_request');
  });

  it('audits every search, view and export with who, what and how many; the admin reads the log', async () => {
    const admin = await signIn(server.app, 'quantri');
    const res = await admin.request('GET', '/api/admin/audit?limit=100');
    const entries = res.json<{ action: string; username: string; detail: Record<string, unknown> }[]>();
    const mine = entries.filter((e) => e.action.startsWith('trace.'));
    expect(new Set(mine.map((e) => e.action))).toEqual(
      new Set(['trace.search', 'trace.merge', 'trace.view', 'trace.view_f2', 'trace.export']),
    );
    expect(mine.every((e) => e.username === 'truyvet')).toBe(true);
    // Issue 11: the kind of field searched and the count, never the terms or the person keys (CCCD numbers).
    const search = mine.find((e) => e.action === 'trace.search' && (e.detail.fields as string[]).includes('name'));
    expect(search?.detail.count).toBe(2);
    expect(JSON.stringify(mine)).not.toMatch(/cccd:|masked:|phone:|038095000001|0912000001/);
    const f2 = mine.find((e) => e.action === 'trace.view_f2');
    expect(f2?.detail.count).toBe(2);
  });

  it('refuses commune officers and strangers', async () => {
    const officer = await signIn(server.app, 'canbo');
    expect(
      (await officer.request('POST', TRACING_API.run, { personKeys: ['cccd:038095000001'], ...window })).statusCode,
    ).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: `${TRACING_API.persons}?name=an` })).statusCode).toBe(401);
  });

  it('publishes risk notices that the public endpoint serves without personal data', async () => {
    const trace = (
      await tracer.request('POST', TRACING_API.run, { personKeys: ['cccd:038095000001'], ...window })
    ).json<TraceResult>();
    const windows = trace.zone.flatMap((z) =>
      z.checkpoints.flatMap((cp) =>
        cp.windows.map((w) => ({ checkpointId: cp.checkpointId, start: w.start, end: w.end })),
      ),
    );
    const res = await tracer.request('POST', TRACING_API.notices, {
      windows,
      instructions: 'Đến trạm y tế xã để xét nghiệm, hạn chế ra ngoài.',
    });
    expect(res.statusCode).toBe(201);
    const pub = await server.app.inject({ method: 'GET', url: '/api/notices' });
    expect(pub.statusCode).toBe(200);
    const body = pub.body;
    expect(pub.json<{ notices: unknown[] }>().notices).toHaveLength(2);
    for (const secret of ['Nguyễn', 'Hoàng', '038095', '0912', 'Thôn 3']) expect(body).not.toContain(secret);
    expect(body).toContain('xét nghiệm');
  });

  it('purges check-ins older than the retention setting and counts them', async () => {
    expect(await countCheckins(server.db)).toBe(9);
    const none = await purgeExpired(server.db, at(0) + 27 * 86_400_000);
    expect(none.checkins).toBe(0);
    const result = await purgeExpired(server.db, at(7) + 28 * 86_400_000);
    expect(result.checkins).toBe(6); // everything before 07:00 on the 27th
    expect(await countCheckins(server.db)).toBe(3);
  });
});
