/**
 * A name many people share is looked for among the check-ins newest first (migration
 * 2026_12_08_0300_recent_checkins), on both databases: the walk goes on across its steps exactly where it stopped,
 * check-ins of one millisecond included, and meets every person once, seen last first; a name behind more newer
 * check-ins than its budget allows is answered from the directory's keys instead, with the same 100 seen last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { CheckIn, Person, PushResponse } from '../../src/shared/protocol';
import { keysSeenLast, type RowCondition } from '../../src/server/tracing/recent-walk-repo';
import { T0, cardCheckIn, push, pushBody, startTestServer, type TestServer } from './helpers';
import { createAccount, searchedRecords, signIn, type ConsoleClient } from './console-helpers';

const HOUR = 3_600_000;
/** More check-ins than one step of the walk reads (WALK_PAGE, 5,000), seven to a millisecond. */
const BINHS = 5200;
/** More people than one statement's list of keys takes (IN_CHUNK, 500), all seen before every Bình. */
const NAMS = 501;

let server: TestServer;
let guard: { token: string; checkpointId: string };
let tracer: ConsoleClient;

/** Pushes check-ins 500 at a time; every one must be accepted. */
async function pushAll(items: CheckIn[]): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    const res = await push(server.app, guard.token, pushBody(items.slice(i, i + 500), { sentAt: T0 }));
    expect(res.statusCode).toBe(200);
    expect(res.json<PushResponse>().results.filter((r) => r.status !== 'accepted')).toEqual([]);
  }
}

const person = (name: string, n: number): Person => ({ name, phone: `0914${String(n).padStart(6, '0')}` });
/** Newest first, as the walk meets them: by time, then id. */
const newestFirst = (items: readonly CheckIn[]) =>
  [...items]
    .sort((a, b) => b.deviceTime - a.deviceTime || (a.id < b.id ? 1 : -1))
    .map((c) => `phone:${c.person.phone}`);
let binhs: CheckIn[];

beforeAll(async () => {
  server = await startTestServer();
  const enrolment = await server.enrol('TS-DL-001');
  guard = { token: enrolment.token, checkpointId: enrolment.checkpoint.id };
  await createAccount(server.db, 'truyvet', 'tracer');
  tracer = await signIn(server.app, 'truyvet');
  binhs = Array.from({ length: BINHS }, (_, n) =>
    cardCheckIn(guard.checkpointId, person('Đỗ Văn Bình', n), T0 - 2 * HOUR + Math.floor(n / 7), { source: 'manual' }),
  );
  const nams = Array.from({ length: NAMS }, (_, n) =>
    cardCheckIn(guard.checkpointId, person('Hồ Văn Nam', 100_000 + n), T0 - 3 * HOUR + n * 1000, { source: 'manual' }),
  );
  await pushAll([...nams, ...binhs]);
});

afterAll(async () => {
  await server.close();
});

describe('tracer search by a name many share', () => {
  it('walks the check-ins newest first across its steps, meeting every person once, seen last first', async () => {
    const named: RowCondition = () => sql<boolean>`name_folded = 'do van binh'`;
    const expected = newestFirst(binhs);
    expect(await keysSeenLast(server.db, [named], BINHS + 1, Infinity)).toEqual(expected);
    expect(await keysSeenLast(server.db, [named], 100, Infinity)).toEqual(expected.slice(0, 100));
    // Within a budget too short to meet them all, the walk gives up rather than answer with fewer.
    expect(await keysSeenLast(server.db, [named], BINHS + 1, BINHS - 1)).toBeNull();
  });

  it('lists the 100 seen last, from the newest check-ins or, behind too many of them, from the directory', async () => {
    const last = (name: string, keys: string[]) =>
      keys
        .slice(0, 100)
        .map((k) => [k, name])
        .sort();
    // The 100th Bình shares its millisecond with six others: the walk's order (time, then id) decides which.
    expect(await searchedRecords(tracer, { name: 'do van binh' })).toEqual(last('Đỗ Văn Bình', newestFirst(binhs)));
    // 501 Nams allow the walk 2,505 check-ins, and 5,200 newer ones come first: the keys answer.
    const namKeys = Array.from(
      { length: NAMS },
      (_, n) => `phone:0914${String(100_000 + NAMS - 1 - n).padStart(6, '0')}`,
    );
    expect(await searchedRecords(tracer, { name: 'Hồ Văn Nam' })).toEqual(last('Hồ Văn Nam', namKeys));
  });
});
