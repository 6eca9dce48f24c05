/**
 * The tracer finds a case by ID number on both databases, whatever the record is keyed by: a CCCD by its key, and an
 * ID number that is not a CCCD (an old 9-digit CMND) on rows keyed by phone or by the visitor's own profile, through
 * the partial index of migration 2026_12_04_2000_person_search (a search by ID had read the whole table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';
import { createAccount, searchedRecords, signIn, type ConsoleClient } from './console-helpers';

const at = (h: number) => Date.UTC(2026, 10, 27, h);
const CCCD: Person = { name: 'Trần Văn Cường', idNumber: '038095000003', phone: '0912000003' };
const CMND_BY_PHONE: Person = { name: 'Đỗ Văn Hùng', idNumber: '172345678', phone: '0912000010' };
const CMND_BY_PROFILE: Person = { name: 'Lò Thị Mai', idNumber: '172345679', visitorId: 'abcdefgh23' };
const SAME_CMND_OTHER_PHONE: Person = { name: 'Đỗ Văn Hùng', idNumber: '172345678', phone: '0912000011' };

let server: TestServer;
let tracer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  const guard = await server.enrol('TS-DL-001');
  const visit = (person: Person, h: number): CheckIn => ({
    id: uuidv7(),
    checkpointId: guard.checkpoint.id,
    kind: 'in',
    source: 'manual',
    deviceTime: at(h),
    person,
  });
  const items = [visit(CCCD, 1), visit(CMND_BY_PHONE, 2), visit(CMND_BY_PROFILE, 3), visit(SAME_CMND_OTHER_PHONE, 4)];
  const res = await push(server.app, guard.token, pushBody(items, { sentAt: T0 }));
  expect(res.statusCode).toBe(200);
  await createAccount(server.db, 'truyvet', 'tracer');
  tracer = await signIn(server.app, 'truyvet');
});

afterAll(async () => {
  await server.close();
});

/** What the tracer's search lists for an ID number: each record's key and name, sorted by key. */
const search = (id: string) => searchedRecords(tracer, { id });

describe('tracer search by ID number', () => {
  it('finds a CCCD by its key, and an old CMND on records keyed by phone or by the visitor profile', async () => {
    expect(await search('038095000003')).toEqual([['cccd:038095000003', 'Trần Văn Cường']]);
    expect(await search('172 345 678')).toEqual([
      ['phone:0912000010', 'Đỗ Văn Hùng'],
      ['phone:0912000011', 'Đỗ Văn Hùng'],
    ]);
    expect(await search('172345679')).toEqual([['visitor:abcdefgh23', 'Lò Thị Mai']]);
    expect(await search('172345670')).toEqual([]);
  });
});
