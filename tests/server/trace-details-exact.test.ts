/**
 * A trace reads the rows near the case as one JSON array per statement (tracing-repo's packed rows): the details a
 * tracer sees must still be exactly what the guard stored, whatever characters they hold (quotes, backslashes, line
 * breaks, emoji, decomposed diacritics, a JSON line separator). One contact is found near the case; the other checked
 * in hours before the rows near the case, so its check-in is fetched by id for its check-out and gives the stay's
 * start (its details come from its check-out, its latest row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import type { TraceResult } from '../../src/server/tracing/tracing-service';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { cardCheckIn, push, pushBody, startTestServer, type TestServer } from './helpers';

const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);

const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000031', birthYear: 1995 };
/** Present with the case; every JSON-special character there is. */
const ODD: Person = {
  name: 'Lê "Bé" Thị \\ Bình 👩‍⚕️',
  idNumber: '038190000032',
  birthYear: 1990,
  phone: '+84 912.000-032',
  address: 'Thôn 1\nXã Nga\u2028Sơn\t<Tổ 3> & {"a":1}',
};
/** Decomposed diacritics (NFD), checked in six hours before the case and checked out while it was there. */
const EARLY: Person = {
  name: 'Trần Văn Cu\u031bo\u031b\u0300ng',
  idNumber: '038080000033',
  address: 'Xóm \u00ab2\u00bb',
};

let server: TestServer;
let tracer: ConsoleClient;

beforeAll(async () => {
  server = await startTestServer();
  const guard = await server.enrol('TS-DL-001'); // default stay 60 min
  const a = guard.checkpoint.id;
  const caseIn = cardCheckIn(a, CASE, at(9));
  const earlyIn = cardCheckIn(a, EARLY, at(3));
  const items = [
    caseIn,
    cardCheckIn(a, CASE, at(10), { kind: 'out', ref: caseIn.id }),
    cardCheckIn(a, ODD, at(9, 20)),
    earlyIn,
    cardCheckIn(a, EARLY, at(9, 40), { kind: 'out', ref: earlyIn.id }), // stayed 03:00–09:40 (under 8 h)
  ];
  expect((await push(server.app, guard.token, pushBody(items))).statusCode).toBe(200);
  await createAccount(server.db, 'truyvet', 'tracer');
  tracer = await signIn(server.app, 'truyvet');
});

afterAll(async () => {
  await server.close();
});

describe('details through the packed rows of a trace', () => {
  it('shows every contact exactly as stored, with the overlap of each', async () => {
    const res = await tracer.request('POST', TRACING_API.run, {
      personKeys: ['cccd:038095000031'],
      from: at(0),
      to: at(23, 59),
      bufferMin: 0,
    });
    expect(res.statusCode).toBe(200);
    const trace = res.json<TraceResult>();
    expect(trace.timeline.map((t) => [t.start, t.end, t.endKnown])).toEqual([[at(9), at(10), true]]);
    expect(
      trace.f1.map((c) => [c.name, c.idNumber, c.birthYear, c.phone, c.address, c.overlapMin, c.personKeys]),
    ).toEqual([
      // Equal overlaps: by person key.
      [EARLY.name, EARLY.idNumber, null, null, EARLY.address, 40, ['cccd:038080000033']],
      [ODD.name, ODD.idNumber, 1990, ODD.phone, ODD.address, 40, ['cccd:038190000032']],
    ]);
  });
});
