/**
 * Issue 12 on the server: corrections of a scanned person (kind `fix`) are stored beside the original,
 * tracing shows the corrected name and phone; double saves count one visit; a stay ends at the next
 * check-in elsewhere; F2 rows name the F1 they came through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import type { ContactEntry, TraceResult } from '../../src/server/tracing/tracing-service';
import { createAccount, searchedRecords, signIn, type ConsoleClient } from './console-helpers';
import { cardCheckIn, push, pushBody, startTestServer, type TestServer } from './helpers';

const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);

const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000011', birthYear: 1995 };
const GARBLED: Person = { name: 'Trnh Vn c', idNumber: '038070000012', birthYear: 1970, address: 'Thn 4, X Dn Lc' };
const FIXED: Person = { ...GARBLED, name: 'Trịnh Văn Đức', address: 'Thôn 4, Xã Dân Lực', phone: '0912 345 678' };
const DOUBLE: Person = { name: 'Lê Thị Hoa', idNumber: '038190000013', birthYear: 1990 };
const MOVER: Person = { name: 'Phạm Văn Tú', idNumber: '038080000014', birthYear: 1980 };
const F2: Person = { name: 'Đỗ Thị Lan', idNumber: '038185000015', birthYear: 1985 };

const item = cardCheckIn;

let server: TestServer;
let tracer: ConsoleClient;
let tokenA: string;
let tokenB: string;
let a: string;
let b: string;
let garbledIn: CheckIn;
const window = { from: at(0), to: at(23, 59) };

beforeAll(async () => {
  server = await startTestServer();
  const guardA = await server.enrol('TS-DL-001'); // default stay 60 min
  const guardB = await server.enrol('TS-NUA-001');
  tokenA = guardA.token;
  tokenB = guardB.token;
  a = guardA.checkpoint.id;
  b = guardB.checkpoint.id;
  const caseIn = item(a, CASE, at(9));
  garbledIn = item(a, GARBLED, at(9, 10));
  const first = item(a, DOUBLE, at(9, 20));
  const second = item(a, DOUBLE, at(9, 20) + 7); // the camera-start race: one card saved twice
  const aItems = [
    caseIn,
    item(a, CASE, at(10, 30), { kind: 'out', ref: caseIn.id }),
    garbledIn,
    item(a, GARBLED, at(9, 40), { kind: 'out', ref: garbledIn.id }),
    first,
    second,
    item(a, DOUBLE, at(9, 32), { kind: 'out', ref: second.id }),
    item(a, MOVER, at(9, 50)), // no check-out at A …
  ];
  const bItems = [item(b, MOVER, at(10)), item(b, GARBLED, at(11)), item(b, F2, at(11, 15))]; // … at B from 10:00
  for (const [token, items] of [
    [guardA.token, aItems],
    [guardB.token, bItems],
  ] as const) {
    expect((await push(server.app, token, pushBody([...items]))).statusCode).toBe(200);
  }
  await createAccount(server.db, 'truyvet', 'tracer');
  tracer = await signIn(server.app, 'truyvet');
});

afterAll(async () => {
  await server.close();
});

const fixOf = (target: CheckIn, person: Person, time = at(9, 12)): CheckIn => ({
  ...item(target.checkpointId, person, time),
  kind: 'fix',
  ref: target.id,
});

describe('corrections and one visit in tracing', () => {
  it('stores a correction beside the original and answers a repeat of it as duplicate', async () => {
    const fix = fixOf(garbledIn, FIXED);
    const res = await push(server.app, tokenA, pushBody([fix]));
    expect(res.json().results).toEqual([{ id: fix.id, status: 'accepted' }]);
    expect((await push(server.app, tokenA, pushBody([fix]))).json().results).toEqual([
      { id: fix.id, status: 'duplicate' },
    ]);
    const original = await server.db
      .selectFrom('checkins')
      .select(['name', 'address', 'phone'])
      .where('id', '=', garbledIn.id)
      .executeTakeFirstOrThrow();
    expect(original).toEqual({ name: 'Trnh Vn c', address: 'Thn 4, X Dn Lc', phone: null });
    const stored = await server.db
      .selectFrom('person_corrections')
      .select(['checkin_id', 'person_key', 'name', 'phone', 'address'])
      .execute();
    expect(stored).toEqual([
      {
        checkin_id: garbledIn.id,
        person_key: 'cccd:038070000012',
        name: 'Trịnh Văn Đức',
        phone: '0912 345 678',
        address: 'Thôn 4, Xã Dân Lực',
      },
    ]);
  });

  it('refuses a correction without the check-in it corrects, with a reason', async () => {
    const bad = { ...fixOf(garbledIn, FIXED), ref: undefined };
    const res = await push(server.app, tokenA, pushBody([bad]));
    expect(res.json().results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^invalid_fix:/) });
  });

  it("corrects only a check-in the device recorded itself, and only that check-in's person", async () => {
    const VICTIM: Person = { name: 'Phạm Thị Gốc', idNumber: '038153789215', phone: '0911000001' };
    const FORGED: Person = { ...VICTIM, name: 'Tên Bị Sửa', phone: '0999000222', address: 'Địa chỉ giả' };
    const victimIn = item(b, VICTIM, at(12));
    expect((await push(server.app, tokenB, pushBody([victimIn]))).json().results[0].status).toBe('accepted');
    const reasons = async (items: CheckIn[]) =>
      (await push(server.app, tokenA, pushBody(items)))
        .json<{ results: { status: string; reason?: string }[] }>()
        .results.map((r) => `${r.status} ${r.reason?.split(':')[0] ?? ''}`.trim());
    // A guard phone at A names a check-in it never recorded (B's, or none), or one of its own under another CCCD.
    const unknown = { ...fixOf(victimIn, FORGED), checkpointId: a, ref: item(a, VICTIM, at(12)).id };
    const othersCheckIn = { ...fixOf(victimIn, FORGED), checkpointId: a };
    const ownUnderAnotherCard = fixOf(garbledIn, FORGED);
    expect(await reasons([unknown, othersCheckIn, fixOf(victimIn, FORGED), ownUnderAnotherCard])).toEqual([
      'rejected fix_unknown_checkin',
      'rejected fix_not_own',
      'rejected wrong_checkpoint',
      'accepted',
    ]);
    const keys = await server.db.selectFrom('person_corrections').select(['person_key', 'name']).execute();
    expect(keys.filter((k) => k.name === FORGED.name)).toEqual([
      { person_key: 'cccd:038070000012', name: FORGED.name },
    ]);
    expect(await searchedRecords(tracer, { id: VICTIM.idNumber as string })).toEqual([
      ['cccd:038153789215', 'Phạm Thị Gốc'],
    ]);
    // The guard's own later fix puts Đức's right name back (the F1 test below reads it).
    const back = fixOf(garbledIn, FIXED, at(9, 13));
    expect(await reasons([back])).toEqual(['accepted']);
    // A check-in and its correction in one push (offline, both queued): the correction finds it.
    const fresh = item(a, { name: 'Hoàng Văn Mơi', idNumber: '038170000016' }, at(12, 5));
    expect(
      await reasons([fresh, fixOf(fresh, { name: 'Hoàng Văn Mới', idNumber: '038170000016' }, at(12, 6))]),
    ).toEqual(['accepted', 'accepted']);
  });

  it('shows the corrected name and phone in F1 (original kept), one visit for a double save, and no stay at two places', async () => {
    const trace = (
      await tracer.request('POST', TRACING_API.run, { personKeys: ['cccd:038095000011'], ...window, bufferMin: 0 })
    ).json<TraceResult>();
    const rows = trace.f1.map((c) => [c.name, c.overlapMin, c.phone, c.originalName ?? null]).sort();
    expect(rows).toEqual([
      ['Lê Thị Hoa', 12, null, null], // 09:20–09:32, not a phantom 60-minute stay
      ['Phạm Văn Tú', 10, null, null], // 09:50 until the check-in at B at 10:00
      ['Trịnh Văn Đức', 30, '0912 345 678', 'Trnh Vn c'],
    ]);
    const search = (await tracer.request('GET', `${TRACING_API.persons}?id=038070000012`)).json<{
      persons: { name: string; originalName?: string }[];
    }>().persons;
    expect(search[0]).toMatchObject({ name: 'Trịnh Văn Đức', originalName: 'Trnh Vn c' });
    const byName = (
      await tracer.request('GET', `${TRACING_API.persons}?name=${encodeURIComponent('trinh van duc')}`)
    ).json<{ persons: { personKey: string }[] }>().persons;
    expect(byName.map((p) => p.personKey)).toEqual(['cccd:038070000012']);
  });

  it('names the F1 each F2 row came through', async () => {
    const f2 = (
      await tracer.request('POST', TRACING_API.secondRing, {
        personKeys: ['cccd:038095000011'],
        ...window,
        bufferMin: 0,
      })
    ).json<{ f2: ContactEntry[] }>().f2;
    const lan = f2.find((c) => c.name === 'Đỗ Thị Lan');
    // Tú is at B 10:00–11:30 (default stay 90 min), Đức from 11:00: Lan (11:15) met both.
    expect(lan?.viaNames?.slice().sort()).toEqual(['Phạm Văn Tú', 'Trịnh Văn Đức']);
    expect(lan?.via).toHaveLength(2);
  });
});
