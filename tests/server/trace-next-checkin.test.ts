/**
 * A stay near the case ends at its person's next check-in at another checkpoint, read from the database by
 * person and time range (the trace fetches each nearby person's check-ins only around their stays there):
 * a long stay with a late check-out is cut by a check-in elsewhere hours later, and a check-in elsewhere
 * on another day cuts nothing. The trace reads only the index for most of those ranges and the table only where the
 * index holds more rows at a person and millisecond than the rows near the case: a check-in elsewhere at the very
 * millisecond of a repeat check-in already read still cuts its stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import type { TraceResult } from '../../src/server/tracing/tracing-service';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { cardCheckIn, push, pushBody, startTestServer, type TestServer } from './helpers';

const at = (h: number, m = 0, day = 27) => Date.UTC(2026, 10, day, h, m);

const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000021', birthYear: 1995 };
const LONG: Person = { name: 'Hoàng Thị Mai', idNumber: '038190000022', birthYear: 1990 };
const STAYER: Person = { name: 'Vũ Đức Long', idNumber: '038080000023', birthYear: 1980 };
const TWIN: Person = { name: 'Đặng Văn Song', idNumber: '038085000024', birthYear: 1985 };

const item = cardCheckIn;

let server: TestServer;
let tracer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  const guardA = await server.enrol('TS-DL-001'); // default stay 60 min
  const guardB = await server.enrol('TS-NUA-001');
  const a = guardA.checkpoint.id;
  const b = guardB.checkpoint.id;
  const caseIn = item(a, CASE, at(9));
  const longIn = item(a, LONG, at(8));
  const twinIn = item(a, TWIN, at(10, 5));
  const aItems = [
    caseIn,
    item(a, CASE, at(10, 30), { kind: 'out', ref: caseIn.id }),
    longIn,
    item(a, LONG, at(13), { kind: 'out', ref: longIn.id }), // checked out at A five hours later …
    item(a, STAYER, at(8, 50)), // no check-out: 60 minutes by default
    twinIn,
    item(a, TWIN, at(10, 12)), // saved twice: joins the visit from 10:05 …
    item(a, TWIN, at(13), { kind: 'out', ref: twinIn.id }),
  ];
  const bItems = [
    item(b, LONG, at(10, 15)), // … but at B from 10:15
    item(b, STAYER, at(9, 0, 28)), // the next day: changes nothing
    item(b, TWIN, at(10, 12)), // … and at B from that same millisecond
  ];
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

describe('a stay near the case ends at the next check-in elsewhere', () => {
  it('cuts a long stay at a check-in elsewhere hours after it began, and at one in the millisecond of a repeat check-in, and leaves a stay whose next check-in is days later', async () => {
    const trace = (
      await tracer.request('POST', TRACING_API.run, {
        personKeys: ['cccd:038095000021'],
        from: at(0),
        to: at(23, 59, 28),
        bufferMin: 0,
      })
    ).json<TraceResult>();
    expect(trace.f1.map((c) => [c.name, c.overlapMin]).sort()).toEqual([
      ['Hoàng Thị Mai', 75], // 09:00–10:15, not until the check-out at 13:00
      ['Vũ Đức Long', 50], // 09:00–09:50
      ['Đặng Văn Song', 7], // 10:05–10:12, not until 10:30 (the case's check-out)
    ]);
  });
});
