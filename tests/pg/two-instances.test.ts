/**
 * Two server instances behind a load balancer share one PostgreSQL schema: the same batches reach
 * both at once (a device retrying through another instance), and the database ends with exactly one
 * row per id while every item is answered `accepted` by exactly one instance.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { buildApp } from '../../src/server/app';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { checkIns, push, pushBody, startTestServer, type TestServer } from '../server/helpers';

let s: TestServer;
let second: FastifyInstance;
beforeAll(async () => {
  s = await startTestServer();
  second = await buildApp({ ...s.target, publicUrl: 'http://district.test', now: () => s.clock.now });
});
afterAll(async () => {
  await second.close();
  await s.close();
});

describe('two server instances on one PostgreSQL', () => {
  it('the same batches pushed to both in parallel are stored once, each item accepted by exactly one instance', async () => {
    const devices = await Promise.all(['TS-DL-001', 'TS-NUA-001', 'TS-TTA-001'].map((code) => s.enrol(code)));
    const batches = devices.flatMap((d, i) =>
      [0, 1, 2, 3].map((b) => ({ token: d.token, items: checkIns(d.checkpoint.id, 200, 1_000 * i + b) })),
    );
    // Overlapping batches too: the second half of each batch again, mixed with the first half of the next.
    const overlaps = batches.slice(0, -1).map((b, i) => ({
      token: b.token,
      items: [
        ...b.items.slice(100),
        ...(batches[i + 1]?.token === b.token ? (batches[i + 1]?.items.slice(0, 100) ?? []) : []),
      ],
    }));
    const sends = [...batches, ...overlaps].flatMap((b) => [
      push(s.app, b.token, pushBody(b.items)),
      push(second, b.token, pushBody(b.items)),
    ]);
    const answers = await Promise.all(sends);

    const acceptedBy = new Map<string, number>();
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      for (const r of res.json<PushResponse>().results) {
        expect(['accepted', 'duplicate']).toContain(r.status);
        if (r.status === 'accepted' && r.id) acceptedBy.set(r.id, (acceptedBy.get(r.id) ?? 0) + 1);
      }
    }
    const ids = new Set(batches.flatMap((b) => b.items.map((i) => i.id)));
    expect(ids.size).toBe(2_400);
    expect(await countCheckins(s.db)).toBe(ids.size);
    expect([...ids].filter((id) => acceptedBy.get(id) !== 1)).toEqual([]);
    const stored = await s.db.selectFrom('checkins').select('id').execute();
    expect(new Set(stored.map((r) => r.id))).toEqual(ids);
  });
});
