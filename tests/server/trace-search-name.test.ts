/**
 * The tracer finds a case by name on both databases through the directory of names (migration
 * 2026_12_08_0100_person_names): the same records as a scan of every check-in, for names stored before the
 * directory existed too; a name thousands share gives the 100 seen last (read 500 keys at a time in the order of
 * their latest check-in); and the directory forgets a person once retention has deleted all their check-ins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person, PushResponse } from '../../src/shared/protocol';
import { personNamesMigration } from '../../src/server/db/migrations/2026_12_08_0100_person_names';
import { purgeExpired } from '../../src/server/services/retention';
import { T0, cardCheckIn, push, pushBody, startTestServer, type TestServer } from './helpers';
import { createAccount, searchedRecords, signIn, type ConsoleClient } from './console-helpers';

const MIN = 60_000;
const HA: Person = { name: 'Nguyễn Thị Hà', idNumber: '038195000001', phone: '0912000001' };
const HA_PAPER: Person = { name: 'NGUYEN THI HA', phone: '0912000002' };
const HAI: Person = { name: 'Nguyễn Thị Hải', idNumber: '038195000003' };
const DUC: Person = { name: 'Trịnh Văn Đức', idNumber: '038095000004' };
/** Two people of one household, keyed by the phone they share: the first comes only before the retention cutoff. */
const TU: Person = { name: 'Lê Văn Tú', phone: '0912000099' };
const TAM: Person = { name: 'Lê Thị Tâm', phone: '0912000099' };
const DAY = 86_400_000;
/** More people of one name than one statement's list of keys takes (IN_CHUNK, 500). */
const LONGS = 1201;

let server: TestServer;
let guard: { token: string; checkpointId: string };
let tracer: ConsoleClient;

/** Pushes check-ins 500 at a time; every one must be accepted. */
async function pushAll(items: CheckIn[], sentAt = T0): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    const res = await push(server.app, guard.token, pushBody(items.slice(i, i + 500), { sentAt }));
    expect(res.statusCode).toBe(200);
    const refused = res.json<PushResponse>().results.filter((r) => r.status !== 'accepted');
    expect(refused).toEqual([]);
  }
}

/** What the tracer's search lists for a name: each record's key and name, sorted by key. */
const search = (name: string) => searchedRecords(tracer, { name });

beforeAll(async () => {
  server = await startTestServer();
  const enrolment = await server.enrol('TS-DL-001');
  guard = { token: enrolment.token, checkpointId: enrolment.checkpoint.id };
  await createAccount(server.db, 'truyvet', 'tracer');
  tracer = await signIn(server.app, 'truyvet');
});

afterAll(async () => {
  await server.close();
});

describe('tracer search by name', () => {
  it('finds every record whose name holds the search, including names stored before the directory', async () => {
    await pushAll([
      cardCheckIn(guard.checkpointId, HA, T0 - 50 * MIN),
      cardCheckIn(guard.checkpointId, HA_PAPER, T0 - 40 * MIN, { source: 'manual' }),
      cardCheckIn(guard.checkpointId, TU, T0 - 35 * MIN, { source: 'manual' }),
    ]);
    // A server upgraded from before the directory: its rows are copied in by the migration.
    const { up, down } = personNamesMigration;
    if (!down) throw new Error('the migration has no down');
    await down(server.db);
    await pushAll([
      cardCheckIn(guard.checkpointId, HAI, T0 - 30 * MIN),
      cardCheckIn(guard.checkpointId, DUC, T0 - 20 * MIN),
      cardCheckIn(guard.checkpointId, DUC, T0 - 10 * MIN, { kind: 'out' }),
    ]);
    await up(server.db);

    expect(await search('nguyen thi ha')).toEqual([
      ['cccd:038195000001', 'Nguyễn Thị Hà'],
      ['cccd:038195000003', 'Nguyễn Thị Hải'],
      ['phone:0912000002', 'NGUYEN THI HA'],
    ]);
    expect(await search('  TRỊNH văn đức ')).toEqual([['cccd:038095000004', 'Trịnh Văn Đức']]);
    expect(await search('Trịnh Văn Đức Anh')).toEqual([]);
    expect(await search('nguyen_thi')).toEqual([]); // a LIKE wildcard in the search is a literal character
    // With an ID number the name narrows that person's rows.
    expect(await searchedRecords(tracer, { id: '038095000004', name: 'duc' })).toEqual([
      ['cccd:038095000004', 'Trịnh Văn Đức'],
    ]);
    expect(await searchedRecords(tracer, { id: '038095000004', name: 'ha' })).toEqual([]);
  });

  it('answers a name more people share than one statement takes with the 100 seen last, checked-out or not', async () => {
    const longs = Array.from({ length: LONGS }, (_, n) =>
      cardCheckIn(
        guard.checkpointId,
        { name: 'Phạm Văn Long', phone: `0913${String(n).padStart(6, '0')}` },
        T0 - (LONGS - n) * 1000 - 10 * MIN,
        { source: 'manual' },
      ),
    );
    // The 600 seen first leave last (more keys than one statement takes): their latest row is a check-out, later
    // than anybody's check-in, so the keys are read in an order their check-ins do not keep.
    const outs = longs
      .slice(0, 600)
      .map((c, n) => ({ ...c, id: uuidv7(), kind: 'out' as const, ref: c.id, deviceTime: T0 - 600 + n }));
    await pushAll([...longs, ...outs]);
    const latest = Array.from({ length: 100 }, (_, i) => [
      `phone:0913${String(LONGS - 1 - i).padStart(6, '0')}`,
      'Phạm Văn Long',
    ]).sort();
    expect(await search('pham van long')).toEqual(latest);
    // Still one record when the name is narrowed.
    expect(await search('Nguyễn Thị Hải')).toEqual([['cccd:038195000003', 'Nguyễn Thị Hải']]);
  });

  it('forgets each name whose check-ins retention has deleted, also under a key that goes on checking in', async () => {
    server.clock.now = T0 + 2 * DAY;
    tracer = await signIn(server.app, 'truyvet'); // two days on, the session has ended
    await pushAll([cardCheckIn(guard.checkpointId, TAM, T0 + 2 * DAY - MIN, { source: 'manual' })], T0 + 2 * DAY);
    const before = await server.db.selectFrom('person_names').selectAll().execute();
    expect(before).toContainEqual({ person_key: 'phone:0912000099', name_compact: 'levantu' });
    expect(await search('le van tu')).toEqual([['phone:0912000099', 'Lê Thị Tâm']]); // the key's latest name

    const purged = await purgeExpired(server.db, T0 + 29 * DAY); // keeps what came after T0 + 1 day
    expect(purged.checkins).toBe(6 + LONGS + 600);
    expect(purged.names).toBe(before.length - 1);
    expect(await server.db.selectFrom('person_names').selectAll().execute()).toEqual([
      { person_key: 'phone:0912000099', name_compact: 'lethitam' },
    ]);
    expect(await search('trinh van duc')).toEqual([]);
    expect(await search('le van tu')).toEqual([]);
    expect(await search('Lê Thị Tâm')).toEqual([['phone:0912000099', 'Lê Thị Tâm']]);
  });
});
