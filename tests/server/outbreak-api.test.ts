/**
 * The outbreak API end to end on a real database (SQLite file, or PostgreSQL in the server-pg project):
 * guards push real check-ins; a tracer registers the case from search; its investigation proposes
 * exactly the overlapping people; confirmed F1 are followed at the right commune; daily entries over
 * simulated days (the server clock moves) end one lost, one completed, one converted; the converted
 * person's case lists its own contacts, de-duplicated; chain, report, XLSX, role scoping, audit, retention.
 */
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, Person } from '../../src/shared/protocol';
import {
  OUTBREAK_API as API,
  type CallList,
  type Chain,
  type DailyReport,
  type Investigation,
  type TraceChanges,
} from '../../src/shared/outbreak-api';
import { listUnits } from '../../src/server/db/units-repo';
import { purgeExpired } from '../../src/server/services/retention';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

const D = 86_400_000;
/** 27 Nov 2026 at hh:mm UTC (the day before the server's clock). */
const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);

const person = (name: string, id: string, address: string | null): Person => ({
  name,
  idNumber: `0380950000${id}`,
  phone: `09120000${id}`,
  ...(address ? { address } : {}),
});
const CASE = person('Nguyễn Văn Án', '01', 'Thôn 3, Xã Dân Lực');
const P1 = person('Lê Thị Bình', '02', 'Khu 1, thị trấn Nưa'); // lives in Nưa
const P2 = person('Trần Văn Cường', '03', null); // no address: the checkpoint's commune (Dân Lực)
const P3 = person('Phạm Thị Dung', '04', 'Xóm 2, Xã Thọ Tân'); // dismissed
const P4 = person('Hoàng Văn Em', '05', 'Thôn 1, xa Dan Luc'); // tests positive → case
const Q = person('Vũ Thị Giang', '06', 'Thôn 4, Xã Thọ Tân'); // met P4 only: P4's own F1
const LATE = person('Đỗ Văn Hải', '07', 'Thôn 2, Xã Dân Lực'); // pushed after the case was registered

function visit(checkpointId: string, p: Person, time: number, kind: 'in' | 'out' = 'in', ref?: string): CheckIn {
  return { id: uuidv7(), checkpointId, kind, source: 'cccd', deviceTime: time, person: p, ...(ref ? { ref } : {}) };
}

let s: TestServer;
let tracer: ConsoleClient;
let admin: ConsoleClient;
let officerDL: ConsoleClient;
let officerNUA: ConsoleClient;
let units: Map<string, string>;
let guardA: { token: string; checkpoint: { id: string } };
let caseId = '';
let case2 = '';
const followups: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer();
  guardA = await s.enrol('TS-DL-001');
  const guardB = await s.enrol('TS-NUA-001');
  const a = guardA.checkpoint.id;
  const b = guardB.checkpoint.id;
  const caseIn = visit(a, CASE, at(2));
  const aItems = [
    caseIn,
    visit(a, CASE, at(3), 'out', caseIn.id),
    visit(a, P1, at(2, 30)),
    visit(a, P2, at(2, 15)),
    visit(a, P3, at(2, 45)),
    visit(a, P4, at(2, 50)),
  ];
  // At Nưa that evening: P4 meets Q and P1 (P1 is followed already when P4 becomes a case).
  const bItems = [visit(b, P4, at(10)), visit(b, Q, at(10, 20)), visit(b, P1, at(10, 30))];
  expect((await push(s.app, guardA.token, pushBody(aItems))).statusCode).toBe(200);
  expect((await push(s.app, guardB.token, pushBody(bItems))).statusCode).toBe(200);
  await createAccount(s.db, 'truyvet', 'tracer');
  await createAccount(s.db, 'quantri', 'admin');
  await createAccount(s.db, 'tramyte.danluc', 'officer', 'TS-DL');
  await createAccount(s.db, 'tramyte.nua', 'officer', 'TS-NUA');
  tracer = await signIn(s.app, 'truyvet');
  admin = await signIn(s.app, 'quantri');
  officerDL = await signIn(s.app, 'tramyte.danluc');
  officerNUA = await signIn(s.app, 'tramyte.nua');
  units = new Map((await listUnits(s.db)).map((u) => [u.code, u.id]));
});

afterAll(async () => {
  await s.close();
});

/** Moves the server's clock; sessions (12 h) are signed in again, as staff would each morning. */
async function moveClock(to: number): Promise<void> {
  s.clock.now = to;
  tracer = await signIn(s.app, 'truyvet');
  admin = await signIn(s.app, 'quantri');
  officerDL = await signIn(s.app, 'tramyte.danluc');
  officerNUA = await signIn(s.app, 'tramyte.nua');
}

const names = (inv: Investigation) => inv.contacts.map((c) => [c.name, c.status, c.origin]).sort();
const contactOf = (inv: Investigation, name: string) => inv.contacts.find((c) => c.name === name)!;

describe('outbreak: cases, follow-up, chain and report', { timeout: 60_000 }, () => {
  it('lets only an administrator change the outbreak rules; a tracer reads them', async () => {
    expect((await tracer.request('PUT', API.settings, { followUpDays: 5 })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: API.settings })).statusCode).toBe(401);
    expect((await admin.request('PUT', API.settings, { followUpDays: 0 })).statusCode).toBe(400);
    const res = await admin.request('PUT', API.settings, { followUpDays: 5, lostAfterDays: 2, testDays: [1, 2, 5] });
    expect(res.statusCode).toBe(200);
    expect((await tracer.request('GET', API.settings)).json()).toMatchObject({
      followUpDays: 5,
      lostAfterDays: 2,
      testDays: [1, 2, 5],
      infectiousDaysBefore: 2,
    });
  });

  it('registers the case from search; the investigation keeps the trace: every overlapping person proposed', async () => {
    const found = (
      await tracer.request('GET', `/api/admin/trace/persons?name=${encodeURIComponent('nguyen van an')}`)
    ).json<{ persons: { personKey: string }[] }>().persons;
    expect(found.map((p) => p.personKey)).toEqual(['cccd:038095000001']);
    expect((await officerDL.request('POST', API.cases, {})).statusCode).toBe(403);
    expect(
      (
        await tracer.request('POST', API.cases, {
          personKeys: ['cccd:038095000001'],
          confirmedAt: T0,
          testType: 'swab',
        })
      ).statusCode,
    ).toBe(400);
    const res = await tracer.request('POST', API.cases, {
      personKeys: [found[0]!.personKey],
      confirmedAt: T0,
      testType: 'pcr',
      asymptomatic: true,
      onsetAt: null,
      isolation: 'centralised',
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json<{ id: string }>().id;
    expect(
      (
        await tracer.request('POST', API.cases, {
          personKeys: ['cccd:038095000001'],
          confirmedAt: T0,
          testType: 'pcr',
          asymptomatic: true,
          onsetAt: null,
          isolation: 'home',
        })
      ).json(),
    ).toMatchObject({ error: 'already_case' });
    const inv = (await tracer.request('GET', `${API.cases}/${caseId}`)).json<Investigation>();
    // Window by the district rule: 2 days before the test (Vietnam days) until isolation.
    expect(inv.case.window).toEqual({ start: Date.UTC(2026, 10, 25, 17), end: T0 });
    expect(names(inv)).toEqual([
      ['Hoàng Văn Em', 'proposed', 'trace'],
      ['Lê Thị Bình', 'proposed', 'trace'],
      ['Phạm Thị Dung', 'proposed', 'trace'],
      ['Trần Văn Cường', 'proposed', 'trace'],
    ]);
    expect(contactOf(inv, 'Lê Thị Bình')).toMatchObject({
      overlapMin: 45,
      places: [{ checkpointName: 'UBND xã Dân Lực', overlapMin: 45 }],
    });
    // Every proposal rests on a guard's scan (CCCD), none only on the visitor's own claim.
    expect(inv.contacts.map((c) => c.basis)).toEqual(['verified', 'verified', 'verified', 'verified']);
  });

  it('shows what a new check-in changes and takes it in only when the tracer says so', async () => {
    expect((await push(s.app, guardA.token, pushBody([visit(guardA.checkpoint.id, LATE, at(2, 40))]))).statusCode).toBe(
      200,
    );
    expect(names((await tracer.request('GET', `${API.cases}/${caseId}`)).json<Investigation>())).toHaveLength(4);
    const changes = (await tracer.request('GET', `${API.cases}/${caseId}/changes`)).json<TraceChanges>();
    expect(changes).toEqual({
      added: [{ personId: 'cccd:038095000007', name: 'Đỗ Văn Hải', overlapMin: 35 }],
      removed: [],
      changed: [],
    });
    expect((await tracer.request('POST', `${API.cases}/${caseId}/take-in`)).statusCode).toBe(200);
    const inv = (await tracer.request('GET', `${API.cases}/${caseId}`)).json<Investigation>();
    expect(names(inv)).toContainEqual(['Đỗ Văn Hải', 'proposed', 'trace']);
    expect((await tracer.request('GET', `${API.cases}/${caseId}/changes`)).json<TraceChanges>().added).toEqual([]);
  });

  it('confirms three, dismisses one with a reason, adds a household member; follow-ups land at the right communes', async () => {
    const inv = (await tracer.request('GET', `${API.cases}/${caseId}`)).json<Investigation>();
    expect(
      (
        await tracer.request('POST', `${API.contacts}/${contactOf(inv, 'Phạm Thị Dung').id}/decision`, {
          decision: 'dismiss',
          reason: '',
        })
      ).json(),
    ).toMatchObject({ error: 'reason_required' });
    for (const n of ['Lê Thị Bình', 'Trần Văn Cường', 'Hoàng Văn Em']) {
      const res = await tracer.request('POST', `${API.contacts}/${contactOf(inv, n).id}/decision`, {
        decision: 'confirm',
        reason: 'tiếp xúc gần',
      });
      expect(res.statusCode).toBe(200);
      followups[n] = res.json<{ followupId: string }>().followupId;
    }
    expect(
      (
        await tracer.request('POST', `${API.contacts}/${contactOf(inv, 'Phạm Thị Dung').id}/decision`, {
          decision: 'dismiss',
          reason: 'đứng ngoài sân, đeo khẩu trang',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await tracer.request('POST', `${API.contacts}/${contactOf(inv, 'Phạm Thị Dung').id}/decision`, {
          decision: 'confirm',
          reason: 'x',
        })
      ).json(),
    ).toMatchObject({ error: 'already_decided' });
    const manual = await tracer.request('POST', `${API.cases}/${caseId}/contacts`, {
      name: 'Nguyễn Thị Hoa',
      phone: '0912000099',
      address: null,
      relationship: 'household',
      lastExposure: T0 - 3_600_000,
    });
    expect(manual.statusCode).toBe(201);
    followups['Nguyễn Thị Hoa'] = manual.json<{ followupId: string }>().followupId;

    const dl = (await officerDL.request('GET', API.followups)).json<CallList>();
    expect(dl.rows.map((r) => [r.name, r.unitName, r.dayNumber, r.testDue])).toEqual([
      ['Hoàng Văn Em', 'Xã Dân Lực', 1, true], // address "xa Dan Luc" without diacritics
      ['Nguyễn Thị Hoa', 'Xã Dân Lực', 0, false], // typed in, no address: the case's commune
      ['Trần Văn Cường', 'Xã Dân Lực', 1, true], // no address: the checkpoint's commune
    ]);
    expect(dl.rows[0]?.phone).toBe('0912000005');
    const nua = (await officerNUA.request('GET', API.followups)).json<CallList>();
    expect(nua.rows.map((r) => r.name)).toEqual(['Lê Thị Bình']);
  });

  it('keeps health station staff inside their commune', async () => {
    expect((await officerDL.request('GET', `${API.followups}?unit=${units.get('TS-NUA')}`)).statusCode).toBe(403);
    expect((await officerDL.request('GET', `${API.followups}/${followups['Lê Thị Bình']}`)).statusCode).toBe(403);
    expect(
      (await officerDL.request('POST', `${API.followups}/${followups['Lê Thị Bình']}/entries`, { reached: true }))
        .statusCode,
    ).toBe(403);
    expect((await officerDL.request('GET', `${API.report}?unit=${units.get('TS-NUA')}`)).statusCode).toBe(403);
    expect((await officerDL.request('GET', `${API.cases}/${caseId}`)).statusCode).toBe(403);
    expect((await officerDL.request('GET', API.chain)).statusCode).toBe(403);
    expect((await officerNUA.request('GET', `${API.followups}/${followups['Lê Thị Bình']}`)).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: API.followups })).statusCode).toBe(401);
    const audited = await s.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', 'like', 'outbreak.%')
      .execute();
    expect(audited).toContainEqual({ action: 'outbreak.followup_view', username: 'tramyte.nua' });
    expect(audited).toContainEqual({ action: 'outbreak.call_list_view', username: 'tramyte.danluc' });
    // The log outlives the cases: it holds no ID number and no dismissal reason.
    const details = (
      await s.db.selectFrom('audit_log').select('detail').where('action', 'like', 'outbreak.%').execute()
    )
      .map((r) => String(r.detail))
      .join('\n');
    expect(details).not.toContain('038095000001');
    expect(details).not.toContain('cccd:');
    expect(details).not.toContain('đeo khẩu trang');
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['outbreak.case_register', 'outbreak.contact_dismiss', 'outbreak.contact_manual']),
    );
  });

  it('records daily calls over simulated days: one lost, one converted with its own F1, one completed', async () => {
    const entry = (c: ConsoleClient, n: string, body: object) =>
      c.request('POST', `${API.followups}/${followups[n]}/entries`, body);
    // 28 Nov (day 1): everyone reached; Cường's rapid test negative.
    expect((await entry(officerNUA, 'Lê Thị Bình', { reached: true, location: 'home' })).statusCode).toBe(201);
    expect(
      (
        await entry(officerDL, 'Trần Văn Cường', {
          reached: true,
          testType: 'rapid',
          testResult: 'negative',
          location: 'home',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await entry(officerDL, 'Hoàng Văn Em', { reached: true, testType: 'rapid', testResult: 'negative' })).statusCode,
    ).toBe(201);
    expect((await entry(officerDL, 'Nguyễn Thị Hoa', { reached: true })).statusCode).toBe(201);
    expect((await entry(officerDL, 'Nguyễn Thị Hoa', { reached: 'yes' })).statusCode).toBe(400);
    // 29 Nov (day 2): Em tests positive; Cường is not reached.
    await moveClock(T0 + D);
    // Bình's swab is recorded twice that day, first awaiting its result: one person tested, not two tests.
    expect(
      (await entry(officerNUA, 'Lê Thị Bình', { reached: true, testType: 'pcr', testResult: 'pending' })).statusCode,
    ).toBe(201);
    expect(
      (await entry(officerNUA, 'Lê Thị Bình', { reached: true, testType: 'pcr', testResult: 'negative' })).statusCode,
    ).toBe(201);
    expect((await entry(officerDL, 'Trần Văn Cường', { reached: false, note: 'thuê bao' })).statusCode).toBe(201);
    expect((await entry(officerDL, 'Nguyễn Thị Hoa', { reached: true })).statusCode).toBe(201);
    const positive = await entry(officerDL, 'Hoàng Văn Em', {
      reached: true,
      testType: 'pcr',
      testResult: 'positive',
      location: 'hospital',
    });
    expect(positive.json()).toMatchObject({ positive: true });
    const conv = await officerDL.request('POST', `${API.followups}/${followups['Hoàng Văn Em']}/convert`, {
      confirmedAt: T0 + D,
      testType: 'pcr',
      asymptomatic: false,
      onsetAt: Date.UTC(2026, 10, 28, 1),
      isolation: 'hospital',
      // In quarantine as an F1 since the morning of 28 Nov, a day before the result: the window ends there.
      isolatedAt: T0,
    });
    expect(conv.statusCode).toBe(201);
    case2 = conv.json<{ caseId: string }>().caseId;
    const inv2 = (await tracer.request('GET', `${API.cases}/${case2}`)).json<Investigation>();
    expect(inv2.case).toMatchObject({ name: 'Hoàng Văn Em', parentCaseId: caseId });
    // From the start of the day two days before onset (26 Nov, Vietnam time), to isolation.
    expect(inv2.case.window).toEqual({ start: Date.UTC(2026, 10, 25, 17), end: T0 });
    // The old F2 ring is its F1 (Giang), with the others Em met on 27 Nov; Bình is followed already, the first case is
    // a case.
    expect(names(inv2)).toEqual([
      ['Phạm Thị Dung', 'proposed', 'trace'],
      ['Vũ Thị Giang', 'proposed', 'trace'],
      ['Đỗ Văn Hải', 'proposed', 'trace'],
    ]);
    expect(inv2.alreadyKnown.map((k) => [k.name, k.as]).sort()).toEqual([
      ['Lê Thị Bình', 'followed'],
      ['Nguyễn Văn Án', 'case'],
      ['Trần Văn Cường', 'followed'],
    ]);
    const q = await tracer.request('POST', `${API.contacts}/${contactOf(inv2, 'Vũ Thị Giang').id}/decision`, {
      decision: 'confirm',
      reason: 'cùng bàn',
    });
    followups['Vũ Thị Giang'] = q.json<{ followupId: string }>().followupId;
    // Giang lives in Thọ Tân: that station has her now; Em left Dân Lực's list.
    expect((await officerDL.request('GET', API.followups)).json<CallList>().rows.map((r) => r.name)).toEqual([
      'Nguyễn Thị Hoa',
      'Trần Văn Cường',
    ]);
    // 30 Nov 09:00: Cường not reached for two days → lost.
    await moveClock(T0 + 2 * D + 3_600_000);
    expect((await entry(officerNUA, 'Lê Thị Bình', { reached: true })).statusCode).toBe(201);
    expect((await entry(officerDL, 'Nguyễn Thị Hoa', { reached: true })).statusCode).toBe(201);
    const lost = await entry(officerDL, 'Trần Văn Cường', { reached: true });
    expect(lost.json()).toMatchObject({ error: 'followup_ended' });
    await moveClock(T0 + 3 * D);
    expect((await entry(officerNUA, 'Lê Thị Bình', { reached: true })).statusCode).toBe(201);
    expect((await entry(officerDL, 'Nguyễn Thị Hoa', { reached: true })).statusCode).toBe(201);
    await moveClock(T0 + 4 * D);
    expect((await entry(officerNUA, 'Lê Thị Bình', { reached: true })).statusCode).toBe(201);
    expect((await entry(officerDL, 'Nguyễn Thị Hoa', { reached: true })).statusCode).toBe(201);
    // 3 Dec 08:00 UTC: Bình's five days after 27 Nov are over.
    await moveClock(T0 + 5 * D);
    const bình = (await officerNUA.request('GET', `${API.followups}/${followups['Lê Thị Bình']}`)).json<{
      followup: { status: string; endedAt: number };
      entries: unknown[];
    }>();
    expect(bình.followup).toMatchObject({ status: 'completed', endedAt: Date.UTC(2026, 11, 2, 17) });
    expect(bình.entries).toHaveLength(6); // two on 29 Nov: the swab, then its result
    const statuses = await s.db.selectFrom('outbreak_followups').select(['name', 'status']).orderBy('name').execute();
    expect(statuses.map((r) => [r.name, r.status])).toEqual([
      ['Hoàng Văn Em', 'converted'],
      ['Lê Thị Bình', 'completed'],
      ['Nguyễn Thị Hoa', 'active'], // last exposure 28 Nov: ends 4 Dec
      ['Trần Văn Cường', 'lost'],
      ['Vũ Thị Giang', 'lost'], // never called
    ]);
  });

  it('draws exactly the edges the data implies, labelled with the checkpoint and date or the relationship', async () => {
    const chain = (await tracer.request('GET', API.chain)).json<Chain>();
    const label = (id: string) => chain.nodes.find((n) => n.id === id)?.name;
    expect(
      chain.edges.map((e) => [label(e.source), label(e.target), e.checkpointName ?? e.relationship, e.date]).sort(),
    ).toEqual([
      // Bình and Cường are followed from Án's trace; Em's trace met them too: they are linked to both cases.
      ['Hoàng Văn Em', 'Lê Thị Bình', 'Chợ Nưa', '2026-11-27'],
      ['Hoàng Văn Em', 'Trần Văn Cường', 'UBND xã Dân Lực', '2026-11-27'],
      ['Hoàng Văn Em', 'Vũ Thị Giang', 'Chợ Nưa', '2026-11-27'],
      ['Nguyễn Văn Án', 'Hoàng Văn Em', 'UBND xã Dân Lực', '2026-11-27'],
      ['Nguyễn Văn Án', 'Lê Thị Bình', 'UBND xã Dân Lực', '2026-11-27'],
      ['Nguyễn Văn Án', 'Nguyễn Thị Hoa', 'household', '2026-11-28'],
      ['Nguyễn Văn Án', 'Trần Văn Cường', 'UBND xã Dân Lực', '2026-11-27'],
    ]);
    expect(new Set(chain.nodes.map((n) => n.cluster))).toEqual(new Set(['C1']));
    expect(
      chain.nodes
        .filter((n) => n.kind === 'case')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Hoàng Văn Em', 'Nguyễn Văn Án']);
    const filtered = (await tracer.request('GET', `${API.chain}?unit=${units.get('TS-TTA')}`)).json<Chain>();
    expect(filtered.edges.map((e) => label(e.target))).toEqual(['Vũ Thị Giang']);
  });

  it('reports each day per commune and for the district, the same in the XLSX', async () => {
    const res = await tracer.request('GET', `${API.report}?day=2026-11-30`);
    expect(res.statusCode).toBe(200);
    const r = res.json<DailyReport>();
    const dl = r.communes.find((c) => c.unitName === 'Xã Dân Lực')!;
    // 30 Nov: Cường lost (two days after his last answer, 28 Nov 08:00 UTC); Hoa still followed, on her day 2: a test
    // is due.
    expect(dl).toMatchObject({
      newCases: 0,
      underFollowup: 1,
      completed: 0,
      lost: 1,
      converted: 0,
      testsDue: 1,
      testsDone: 0,
    });
    const day29 = r.series.find((d) => d.day === '2026-11-29')!;
    // 29 Nov: Em converted (a new case); tests due: day 2 of Bình, Cường, Em, Giang (27 Nov) and day 1 of Hoa; done:
    // Bình's and Em's PCR (Bình's two entries of that day are one person tested).
    expect(day29).toMatchObject({ newCases: 1, converted: 1, testsDue: 5, testsDone: 2 });
    expect(r.series[0]?.day).toBe('2026-11-28');
    const xlsx = await tracer.request('GET', `${API.reportXlsx}?day=2026-11-30`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Ngày 2026-11-30')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Xã / thị trấn',
      'Ca mắc mới (F0)',
      'F1 đang theo dõi',
      'Hoàn thành theo dõi',
      'Mất dấu',
      'Chuyển thành ca bệnh',
      'Xét nghiệm đến hạn',
      'Xét nghiệm đã làm',
    ]);
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows).toContainEqual(['Xã Dân Lực', 0, 1, 0, 1, 0, 1, 0]);
    expect(rows.at(-1)).toEqual([
      'Toàn huyện',
      r.district.newCases,
      r.district.underFollowup,
      r.district.completed,
      r.district.lost,
      r.district.converted,
      r.district.testsDue,
      r.district.testsDone,
    ]);
    const mine = (await officerNUA.request('GET', `${API.report}?day=2026-11-30`)).json<DailyReport>();
    expect(mine.communes.map((c) => c.unitName)).toEqual(['Thị trấn Nưa']);
    expect(mine.scope?.unitName).toBe('Thị trấn Nưa');
    expect(r.scope).toBeNull();
    // A commune officer's file: its total is the commune's, labelled as such, never "Toàn huyện".
    const mineXlsx = new ExcelJS.Workbook();
    await mineXlsx.xlsx.load(
      (await officerNUA.request('GET', `${API.reportXlsx}?day=2026-11-30`)).rawPayload as unknown as ArrayBuffer,
    );
    const mineRows = mineXlsx
      .getWorksheet('Ngày 2026-11-30')!
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    expect(mineRows.map((row) => row[0])).toEqual(['Thị trấn Nưa', 'Tổng thị trấn Nưa']);
    expect(mineRows[1]!.slice(1)).toEqual(mineRows[0]!.slice(1));
  });

  it('deletes follow-up health data the set number of days after the follow-up ended', async () => {
    await moveClock(T0 + 20 * D);
    await purgeExpired(s.db, s.clock.now); // keep 30 days after the end: nothing goes yet
    expect(await s.db.selectFrom('outbreak_followups').select('id').execute()).toHaveLength(5);
    const r = await purgeExpired(s.db, T0 + 40 * D);
    expect(r.outbreak).toEqual({ followups: 5, cases: 2 });
    expect(await s.db.selectFrom('outbreak_entries').select('id').execute()).toEqual([]);
    expect(await s.db.selectFrom('outbreak_contacts').select('id').execute()).toEqual([]);
  });
});

describe('outbreak: a case whose address names no commune of the district', { timeout: 60_000 }, () => {
  let t: TestServer;
  let tracer2: ConsoleClient;
  let units2: Map<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    const nua = await t.enrol('TS-NUA-001');
    const dl = await t.enrol('TS-DL-001');
    // Both live outside the district's unit list. Khánh stayed 90 min at the Nưa checkpoint before his
    // test; Lan's only check-in is a week before hers, outside her infectious window.
    const khanh = person('Bùi Văn Khánh', '11', 'Phường Ba Đình, TP Thanh Hóa');
    const lan = person('Ngô Thị Lan', '12', 'Số 5 Lê Lợi, Hà Nội');
    const kIn = visit(nua.checkpoint.id, khanh, T0 - 20 * 3_600_000);
    expect(
      (
        await push(
          t.app,
          nua.token,
          pushBody([kIn, visit(nua.checkpoint.id, khanh, T0 - 20 * 3_600_000 + 90 * 60_000, 'out', kIn.id)]),
        )
      ).statusCode,
    ).toBe(200);
    expect((await push(t.app, dl.token, pushBody([visit(dl.checkpoint.id, lan, T0 - 7 * D)]))).statusCode).toBe(200);
    await createAccount(t.db, 'truyvet2', 'tracer');
    await createAccount(t.db, 'tramyte.thotan', 'officer', 'TS-TTA');
    tracer2 = await signIn(t.app, 'truyvet2');
    units2 = new Map((await listUnits(t.db)).map((u) => [u.code, u.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('follows the case at the commune of its longest stay, or counts it apart; the district total has both', async () => {
    for (const id of ['11', '12']) {
      const res = await tracer2.request('POST', API.cases, {
        personKeys: [`cccd:0380950000${id}`],
        confirmedAt: T0,
        testType: 'pcr',
        asymptomatic: true,
        onsetAt: null,
        isolation: 'home',
      });
      expect(res.statusCode).toBe(201);
    }
    const r = (await tracer2.request('GET', `${API.report}?day=2026-11-28`)).json<DailyReport>();
    expect(r.communes.find((c) => c.unitName === 'Thị trấn Nưa')?.newCases).toBe(1);
    const unknown = r.communes.filter((c) => c.unitId === '');
    expect(unknown.map((c) => [c.unitName.startsWith('Chưa rõ xã'), c.newCases])).toEqual([[true, 1]]);
    expect(r.district.newCases).toBe(2);
    expect(r.series.at(-1)).toMatchObject({ day: '2026-11-28', newCases: 2 });
    const xlsx = await tracer2.request('GET', `${API.reportXlsx}?day=2026-11-28`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book
      .getWorksheet('Ngày 2026-11-28')!
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1, 3));
    expect(rows.filter(([name]) => String(name).startsWith('Chưa rõ xã'))).toEqual([[unknown[0]!.unitName, 1]]);
    expect(rows.at(-1)).toEqual(['Toàn huyện', 2]);
  });

  it('asks for the commune it cannot tell, and lets a tracer hand a follow-up to another health station', async () => {
    const cases = (await tracer2.request('GET', API.cases)).json<{ cases: { id: string; name: string }[] }>().cases;
    const lan = cases.find((c) => c.name === 'Ngô Thị Lan')!;
    const hh = { name: 'Ngô Văn Minh', phone: null, address: null, relationship: 'household', lastExposure: T0 };
    // No address, and Lan's own commune is not known: the tracer must say where he is followed.
    const refused = await tracer2.request('POST', `${API.cases}/${lan.id}/contacts`, hh);
    expect([refused.statusCode, refused.json().error]).toEqual([409, 'unit_unknown']);
    const inv = (await tracer2.request('GET', `${API.cases}/${lan.id}`)).json<Investigation>();
    const left = contactOf(inv, 'Ngô Văn Minh');
    expect(left.status).toBe('proposed');
    const tt = units2.get('TS-TTA')!;
    const ok = await tracer2.request('POST', `${API.contacts}/${left.id}/decision`, {
      decision: 'confirm',
      reason: '',
      unitId: tt,
    });
    expect(ok.statusCode).toBe(200);
    const typed = await tracer2.request('POST', `${API.cases}/${lan.id}/contacts`, {
      ...hh,
      name: 'Ngô Thị Nga',
      unitId: tt,
    });
    expect(typed.statusCode).toBe(201);
    const list = (tt: string) =>
      tracer2
        .request('GET', `${API.followups}?unit=${tt}`)
        .then((r) => r.json<CallList>().rows.map((row) => [row.name, row.unitName]));
    expect(await list(tt)).toEqual([
      ['Ngô Thị Nga', 'Xã Thọ Tân'],
      ['Ngô Văn Minh', 'Xã Thọ Tân'],
    ]);
    // He lives in Nưa after all: the tracer hands him over; the station of Thọ Tân may not.
    const minh = (await tracer2.request('GET', `${API.followups}?unit=${tt}`))
      .json<CallList>()
      .rows.find((r) => r.name === 'Ngô Văn Minh')!;
    const officer = await signIn(t.app, 'tramyte.thotan');
    const nua = units2.get('TS-NUA')!;
    expect((await officer.request('POST', `${API.followups}/${minh.id}/reassign`, { unitId: nua })).statusCode).toBe(
      403,
    );
    expect(
      (await tracer2.request('POST', `${API.followups}/${minh.id}/reassign`, { unitId: 'no-such-commune' })).json(),
    ).toMatchObject({ error: 'unknown_unit' });
    expect((await tracer2.request('POST', `${API.followups}/${minh.id}/reassign`, { unitId: nua })).statusCode).toBe(
      200,
    );
    expect(await list(tt)).toEqual([['Ngô Thị Nga', 'Xã Thọ Tân']]);
    expect(await list(nua)).toEqual([['Ngô Văn Minh', 'Thị trấn Nưa']]);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'outbreak.reassign')
      .execute();
    expect(audited).toHaveLength(1);
  });
});

describe('outbreak: taking a fresh trace in', { timeout: 60_000 }, () => {
  let t: TestServer;
  let tracer3: ConsoleClient;
  let guard: { token: string; checkpoint: { id: string } };
  const K = person('Lý Văn Khoa', '21', 'Thôn 3, Xã Dân Lực');
  const X = person('Mai Thị Xuân', '22', 'Thôn 5, Xã Dân Lực');
  const Y = person('Đinh Văn Yên', '23', 'Thôn 6, Xã Dân Lực');
  const Z = person('Tạ Thị Zin', '24', 'Thôn 7, Xã Dân Lực');
  let xIn: CheckIn;
  beforeAll(async () => {
    t = await startTestServer();
    guard = await t.enrol('TS-DL-001');
    const a = guard.checkpoint.id;
    const kIn = visit(a, K, at(2));
    xIn = visit(a, X, at(2, 10));
    const items = [kIn, visit(a, K, at(3), 'out', kIn.id), xIn, visit(a, Y, at(2, 20)), visit(a, Z, at(2, 30))];
    expect((await push(t.app, guard.token, pushBody(items))).statusCode).toBe(200);
    await createAccount(t.db, 'truyvet3', 'tracer');
    tracer3 = await signIn(t.app, 'truyvet3');
  });
  afterAll(async () => {
    await t.close();
  });

  it('updates proposed contacts that changed, dismisses those the trace lost, and keeps decisions', async () => {
    const res = await tracer3.request('POST', API.cases, {
      personKeys: ['cccd:038095000021'],
      confirmedAt: T0,
      testType: 'pcr',
      asymptomatic: true,
      onsetAt: null,
      isolation: 'home',
    });
    const id = res.json<{ id: string }>().id;
    let inv = (await tracer3.request('GET', `${API.cases}/${id}`)).json<Investigation>();
    const z = contactOf(inv, 'Tạ Thị Zin');
    expect(
      (await tracer3.request('POST', `${API.contacts}/${z.id}/decision`, { decision: 'confirm', reason: '' }))
        .statusCode,
    ).toBe(200);
    // Xuân's check-out arrives: she left at 2:20. Nothing moves until the tracer takes it in.
    expect(
      (await push(t.app, guard.token, pushBody([visit(guard.checkpoint.id, X, at(2, 20), 'out', xIn.id)]))).statusCode,
    ).toBe(200);
    const changed = (await tracer3.request('GET', `${API.cases}/${id}/changes`)).json<TraceChanges>();
    expect(changed.changed.map((c) => [c.name, c.after])).toEqual([['Mai Thị Xuân', 10]]);
    expect(
      contactOf((await tracer3.request('GET', `${API.cases}/${id}`)).json<Investigation>(), 'Mai Thị Xuân').overlapMin,
    ).toBe(contactOf(inv, 'Mai Thị Xuân').overlapMin);
    expect((await tracer3.request('POST', `${API.cases}/${id}/take-in`)).statusCode).toBe(200);
    inv = (await tracer3.request('GET', `${API.cases}/${id}`)).json<Investigation>();
    expect(contactOf(inv, 'Mai Thị Xuân')).toMatchObject({ status: 'proposed', overlapMin: 10 });
    // The tracer learns the case's infectious window was later that day, after the market visit: the
    // fresh trace finds nobody. The proposed two are dismissed with the reason; the confirmed F1 stays.
    expect((await tracer3.request('PUT', `${API.cases}/${id}/window`, { start: at(4), end: at(20) })).statusCode).toBe(
      200,
    );
    const gone = (await tracer3.request('GET', `${API.cases}/${id}/changes`)).json<TraceChanges>();
    expect(gone.removed.map((r) => r.name).sort()).toEqual(['Mai Thị Xuân', 'Tạ Thị Zin', 'Đinh Văn Yên']);
    expect((await tracer3.request('POST', `${API.cases}/${id}/take-in`)).statusCode).toBe(200);
    inv = (await tracer3.request('GET', `${API.cases}/${id}`)).json<Investigation>();
    expect(
      inv.contacts.map((c) => [c.name, c.status, c.reason?.startsWith('Không còn trong kết quả truy vết')]).sort(),
    ).toEqual([
      ['Mai Thị Xuân', 'dismissed', true],
      ['Tạ Thị Zin', 'confirmed', false],
      ['Đinh Văn Yên', 'dismissed', true],
    ]);
    expect((await tracer3.request('GET', `${API.cases}/${id}/changes`)).json<TraceChanges>()).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});
