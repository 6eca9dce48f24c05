/**
 * Tracing queries on a real SQLite file: a contact whose long stay began hours before the case
 * arrived (and ended after it left) is found through its check-out, and a forgotten check-out does
 * not stretch a stay past the cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { traceCase } from '../../src/server/tracing/tracing-service';
import { push, pushBody, startTestServer, type TestServer } from './helpers';

const at = (h: number, m = 0, day = 27) => Date.UTC(2026, 10, day, h, m);
const person = (n: number): Person => ({ name: `Người ${n}`, idNumber: `03809500010${n}` });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const guard = await server.enrol('TS-DL-001'); // default stay 60 min
  const cp = guard.checkpoint.id;
  const inOut = (p: Person, start: number, end: number): CheckIn[] => {
    const id = uuidv7();
    return [
      { id, checkpointId: cp, kind: 'in', source: 'cccd', deviceTime: start, person: p },
      { id: uuidv7(), checkpointId: cp, kind: 'out', ref: id, source: 'cccd', deviceTime: end, person: p },
    ];
  };
  const items = [
    ...inOut(person(0), at(10), at(11)), // the case
    ...inOut(person(1), at(6), at(12)), // staff on a long shift: there the whole time
    {
      id: uuidv7(),
      checkpointId: cp,
      kind: 'in' as const,
      source: 'cccd' as const,
      deviceTime: at(6),
      person: person(2),
    }, // open: gone by 07:00
    ...inOut(person(3), at(20, 0, 26), at(10, 30)), // checked out 14.5 h later: capped at 8 h, so gone by 04:00
  ];
  expect((await push(server.app, guard.token, pushBody(items))).statusCode).toBe(200);
});
afterAll(async () => {
  await server.close();
});

describe('trace queries', () => {
  it('finds a long stay through its check-out and caps a forgotten one', async () => {
    const result = await traceCase(server.db, {
      personKeys: ['cccd:038095000100'],
      from: at(0),
      to: at(23),
      bufferMin: 15,
    });
    expect(result.timeline).toHaveLength(1);
    expect(result.f1.map((c) => [c.name, c.overlapMin])).toEqual([['Người 1', 90]]);
  });
});
