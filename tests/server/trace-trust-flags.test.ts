/**
 * What a tracer must weigh (issue 11, part 2): contacts resting only on unverified `self` check-ins
 * ("Chỉ tự khai (chưa xác minh)") and check-ins uploaded by a revoked device are flagged in the trace
 * answer (timeline, F1, F2), the XLSX (read back with exceljs) and the CSV.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person, PushResponse } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import { OUTBREAK_API, type Investigation } from '../../src/shared/outbreak-api';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { revokeDevice } from '../../src/server/db/devices-repo';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import type { ContactEntry, TraceResult } from '../../src/server/tracing/tracing-service';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';
import { registerVisitor, selfCheckIn } from './self-checkin-helpers';

const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);
const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000001', phone: '0912000001' };
const X: Person = { name: 'Lê Thị Bình', idNumber: '038095000002', phone: '0912000002' }; // scanned by a guard
const S: Person = { name: 'Đỗ Văn Lạ', idNumber: '038095000009', phone: '0912000009', visitorId: 'planted001' }; // self only
const MIXED: Person = { name: 'Trịnh Thị Mai', idNumber: '038095000007', phone: '0912000007' }; // self and guard
const V: Person = { name: 'Bùi Văn Vinh', idNumber: '038095000008', phone: '0912000008' }; // from the revoked device
const T: Person = { name: 'Cao Thị Tư', idNumber: '038095000010', phone: '0912000010', visitorId: 'planted002' }; // F2, self only
const SELF_ONLY = 'Chỉ tự khai (chưa xác minh)';
const FROM_REVOKED = 'Có lượt từ máy đã thu hồi';

function scan(checkpointId: string, person: Person, time: number): CheckIn {
  return { id: uuidv7({ msecs: time }), checkpointId, kind: 'in', source: 'cccd', deviceTime: time, person };
}

let server: TestServer;
let tracer: ConsoleClient;
const query = { personKeys: ['cccd:038095000001'], from: at(0), to: at(23, 59) };

beforeAll(async () => {
  server = await startTestServer();
  const signer = await loadPosterSigner(server.db, 'http://district.test', server.clock.now);
  const a = server.checkpoint;
  const nua = await findCheckpointByCode(server.db, 'TS-NUA-001');
  if (!nua) throw new Error('TS-NUA-001 missing');
  const guardA = await server.enrol('TS-DL-001');
  const guardB = await server.enrol('TS-DL-001');
  const guardNua = await server.enrol('TS-NUA-001');
  const visitor = await registerVisitor(server.app);

  const pushes: [string, CheckIn[]][] = [
    [guardA.token, [scan(a.id, CASE, at(2)), scan(a.id, X, at(2, 20)), scan(a.id, MIXED, at(2, 6))]],
    [
      visitor,
      [
        selfCheckIn(signer, a, S, at(2, 10)),
        selfCheckIn(signer, a, MIXED, at(2, 5)),
        selfCheckIn(signer, nua, T, at(6, 10)),
      ],
    ],
    [guardNua.token, [scan(nua.id, X, at(6))]],
  ];
  for (const [token, items] of pushes) {
    const res = await push(server.app, token, pushBody(items));
    expect(res.json<PushResponse>().results.map((r) => r.status)).toEqual(items.map(() => 'accepted'));
  }
  // Device B was revoked an hour ago; it uploads what it had recorded before (accepted, flagged).
  await revokeDevice(server.db, guardB.deviceId, T0 - 3_600_000);
  const late = await push(server.app, guardB.token, pushBody([scan(a.id, V, at(2, 30)), scan(a.id, CASE, at(4))]));
  expect(late.json<PushResponse>().results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

  await createAccount(server.db, 'truyvet', 'tracer');
  tracer = await signIn(server.app, 'truyvet');
}, 60_000);

afterAll(async () => {
  await server.close();
});

const flags = (contacts: ContactEntry[]) =>
  Object.fromEntries(contacts.map((c) => [c.name, [c.selfOnly, c.fromRevokedDevice]]));

describe('trust flags in a trace', { timeout: 30_000 }, () => {
  it('marks F1 contacts resting only on self check-ins, and those from a revoked device, in the answer', async () => {
    const trace = (await tracer.request('POST', TRACING_API.run, query)).json<TraceResult>();
    expect(flags(trace.f1)).toEqual({
      [S.name]: [true, false],
      [X.name]: [false, false],
      [MIXED.name]: [false, false], // a guard scanned her too
      [V.name]: [false, true],
    });
    expect(trace.timeline.map((t) => [t.start, t.source, t.fromRevokedDevice])).toEqual([
      [at(2), 'cccd', false],
      [at(4), 'cccd', true],
    ]);
  });

  it('marks F2 contacts the same way', async () => {
    const f2 = (await tracer.request('POST', TRACING_API.secondRing, query)).json<{ f2: ContactEntry[] }>().f2;
    expect(flags(f2)).toMatchObject({ [T.name]: [true, false] });
  });

  it('writes the flags into the XLSX: F1 columns and the timeline column', async () => {
    const res = await tracer.request('POST', TRACING_API.export, { ...query, format: 'xlsx' });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name);
      // Line 1 is the sheet's title; the headers are on line 2.
      return Array.from({ length: (sheet?.rowCount ?? 1) - 1 }, (_, i) =>
        Array.from((sheet?.getRow(i + 2).values as unknown[]).slice(1), (v) => v ?? ''),
      );
    };
    const [head, ...f1] = rows('Danh sách F1');
    const verified = head!.indexOf('Xác minh');
    const revoked = head!.indexOf('Máy đã thu hồi');
    expect(verified).toBeGreaterThan(0);
    const byName = Object.fromEntries(f1.map((r) => [r[1], [r[verified] ?? '', r[revoked] ?? '']]));
    expect(byName).toEqual({
      [S.name]: [SELF_ONLY, ''],
      [X.name]: ['', ''],
      [MIXED.name]: ['', ''],
      [V.name]: ['', FROM_REVOKED],
    });
    const [timelineHead, ...visits] = rows('Lịch trình ca bệnh');
    expect(timelineHead!.at(-1)).toBe('Máy đã thu hồi');
    expect(visits.map((r) => r.at(-1))).toEqual(['Không', 'Có']);
  });

  it('writes the flags into the CSV of F1 and of F2', async () => {
    const csv = async (ring: 'f1' | 'f2') => {
      const res = await tracer.request('POST', TRACING_API.export, { ...query, format: 'csv', part: 'contacts', ring });
      expect(res.statusCode).toBe(200);
      return res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    };
    const f1 = await csv('f1');
    expect(f1[0]).toMatch(/,Xác minh,Máy đã thu hồi$/);
    expect(f1.find((l) => l.includes(S.name))).toMatch(new RegExp(`,${SELF_ONLY.replace(/[()]/g, '\\$&')},$`));
    expect(f1.find((l) => l.includes(V.name))).toMatch(new RegExp(`,,${FROM_REVOKED}$`));
    expect(f1.find((l) => l.includes(X.name))).toMatch(/,,$/);
    expect((await csv('f2')).find((l) => l.includes(T.name))).toContain(SELF_ONLY);
  });

  it('carries the basis into the outbreak investigation: self check-ins only, or a guard scan', async () => {
    const res = await tracer.request('POST', OUTBREAK_API.cases, {
      personKeys: query.personKeys,
      confirmedAt: at(8),
      testType: 'pcr',
      asymptomatic: false,
      onsetAt: at(1),
      isolation: 'home',
    });
    expect(res.statusCode).toBe(201);
    const inv = (
      await tracer.request('GET', `${OUTBREAK_API.cases}/${res.json<{ id: string }>().id}`)
    ).json<Investigation>();
    const basis = Object.fromEntries(inv.contacts.map((c) => [c.name, c.basis]));
    expect(basis).toMatchObject({ [S.name]: 'self_only', [X.name]: 'verified', [MIXED.name]: 'verified' });
  });
});
