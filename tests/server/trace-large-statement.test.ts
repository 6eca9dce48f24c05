/**
 * A trace's check-in reads come back as one JSON string per statement, and a string has a longest length: a case at
 * a crowded place must still get every contact, with no statement's JSON over its row limit (50,000). Here 50,001
 * people checked in at the same millisecond and 600 more around it at the case's first stop (one range over the
 * limit: it comes as plain rows), and 20 at its second.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckinWriter, packCheckins } from '../../src/server/db/checkins-repo';
import { toStoredCheckIn } from '../../src/server/domain/stored-checkin';
import type { StoredCheckIn } from '../../src/server/domain/types';
import { traceCase } from '../../src/server/tracing/tracing-service';
import type { CheckIn } from '../../src/shared/protocol';
import { cardCheckIn, startTestServer, type TestServer } from './helpers';

const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);
const CROWD = 50_001;
const AROUND = 600;
const AT_B = 20;
const idOf = (n: number) => `0381${String(n).padStart(8, '0')}`;

/** Counts what each statement returned: rows inside a packed JSON array, or plain rows of check-ins. */
class ReturnedRows implements KyselyPlugin {
  packed: number[] = [];
  plain: number[] = [];
  transformQuery = ({ node }: PluginTransformQueryArgs): RootOperationNode => node;
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const first = result.rows[0];
    if (result.rows.length === 1 && first && 'rows' in first) {
      const value = first.rows;
      // null: over the limit, no JSON sent.
      if (value !== null) {
        this.packed.push((typeof value === 'string' ? (JSON.parse(value) as unknown[]) : (value as unknown[])).length);
      }
    } else if (first && 'corrected_time' in first) {
      this.plain.push(result.rows.length);
    }
    return result;
  }
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const guardA = await server.enrol('TS-DL-001');
  const guardB = await server.enrol('TS-NUA-001');
  const a = guardA.checkpoint.id;
  const b = guardB.checkpoint.id;
  const caseIn = cardCheckIn(a, { name: 'Nguyễn Văn Án', idNumber: '038095000041' }, at(8));
  const items: [CheckIn, string][] = [
    [caseIn, guardA.deviceId],
    [
      cardCheckIn(a, { name: 'Nguyễn Văn Án', idNumber: '038095000041' }, at(10), { kind: 'out', ref: caseIn.id }),
      guardA.deviceId,
    ],
    [cardCheckIn(b, { name: 'Nguyễn Văn Án', idNumber: '038095000041' }, at(11)), guardB.deviceId],
  ];
  for (let n = 0; n < CROWD; n++)
    items.push([cardCheckIn(a, { name: `Khách ${n}`, idNumber: idOf(n) }, at(9)), guardA.deviceId]);
  for (let n = 0; n < AROUND; n++) {
    const person = { name: `Người ${n}`, idNumber: idOf(CROWD + n) };
    items.push([cardCheckIn(a, person, at(8) + n * 12_000), guardA.deviceId]); // 08:00 … 09:59:48
  }
  for (let n = 0; n < AT_B; n++) {
    items.push([cardCheckIn(b, { name: `Chợ ${n}`, idNumber: idOf(CROWD + AROUND + n) }, at(11, 10)), guardB.deviceId]);
  }
  const stored: StoredCheckIn[] = items.map(([item, deviceId]) =>
    toStoredCheckIn(item, { deviceId, receivedAt: at(12), clockOffsetMs: 0 }),
  );
  const writer = createCheckinWriter();
  for (let i = 0; i < stored.length; i += 5_000) {
    await server.db.transaction().execute((trx) => writer.insertNew(trx, packCheckins(stored.slice(i, i + 5_000))));
  }
}, 120_000);

afterAll(async () => {
  await server.close();
});

describe('a trace at a crowded place', () => {
  it('lists every contact, and no statement packs more than 50,000 rows', async () => {
    const seen = new ReturnedRows();
    const trace = await traceCase(server.db.withPlugin(seen), {
      personKeys: ['cccd:038095000041'],
      from: at(0),
      to: at(23, 59),
      bufferMin: 0,
    });
    expect(trace.timeline.map((t) => [t.start, t.end])).toEqual([
      [at(8), at(10)],
      [at(11), at(12, 30)], // TS-NUA-001 keeps a visit 90 minutes
    ]);
    expect(trace.f1).toHaveLength(CROWD + AROUND + AT_B);
    const byId = new Map(trace.f1.map((c) => [c.idNumber, c]));
    expect([byId.get(idOf(0))?.name, byId.get(idOf(0))?.overlapMin]).toEqual(['Khách 0', 60]); // 09:00–10:00
    expect([byId.get(idOf(CROWD - 1))?.name, byId.get(idOf(CROWD - 1))?.overlapMin]).toEqual([
      `Khách ${CROWD - 1}`,
      60,
    ]);
    expect([byId.get(idOf(CROWD))?.name, byId.get(idOf(CROWD))?.overlapMin]).toEqual(['Người 0', 60]); // 08:00–09:00
    expect(byId.get(idOf(CROWD + AROUND - 1))?.overlapMin).toBe(0); // 09:59:48–10:00 rounds to 0 minutes
    expect([byId.get(idOf(CROWD + AROUND))?.name, byId.get(idOf(CROWD + AROUND))?.overlapMin]).toEqual(['Chợ 0', 80]); // 11:10–12:30
    expect(new Set(trace.f1.map((c) => c.idNumber)).size).toBe(CROWD + AROUND + AT_B); // nobody twice

    expect(seen.packed.length).toBeGreaterThan(0); // the packed statements were seen, so the bound below is real
    expect(Math.max(...seen.packed)).toBeLessThanOrEqual(50_000);
    expect(seen.plain).toEqual([CROWD + AROUND + 2]); // the first stop's range (with the case's in and out), as plain rows
  }, 120_000);
});
