/**
 * Forwarding upward (issue 6): two district servers forward everything they accept to a province server
 * over the sync protocol. The province is down for part of the test and comes back on the same database;
 * duplicates are re-sent on purpose; the province ends with exactly the union, one row per id, same fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { API } from '../../src/shared/protocol';
import { buildApp } from '../../src/server/app';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { countCheckins, listAllCheckins } from '../../src/server/db/checkins-repo';
import { enqueueForward, outboxCounts } from '../../src/server/forwarding/outbox-repo';
import { enrolForwarder } from '../../src/server/forwarding/receiver-catalog';
import type { ForwardConfig } from '../../src/server/forwarding/sender';
import { checkIns, enrolSigned, push, pushBody, startTestServer, type TestServer } from './helpers';

const FAST: Omit<ForwardConfig, 'url' | 'token'> = {
  idleMs: 20,
  backoff: { baseMs: 20, capMs: 200 },
  timeoutMs: 2_000,
};

/** Requests each district's forwarder made that found no province (connection refused). */
const unreachable = [0, 0];
const countingFetch =
  (district: number): typeof fetch =>
  async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      unreachable[district]!++;
      throw error;
    }
  };

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function listen(app: FastifyInstance, port = 0): Promise<number> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return address.port;
}

describe('forwarding to a province', () => {
  let province: TestServer;
  let provinceApp: FastifyInstance;
  let districts: TestServer[] = [];
  let tokens: string[] = [];
  let provincePort = 0;

  beforeAll(async () => {
    province = await startTestServer();
    provinceApp = province.app;
    provincePort = await listen(provinceApp);
    const url = `http://127.0.0.1:${provincePort}`;
    tokens = [
      (await enrolForwarder(province.db, { name: 'Triệu Sơn', code: 'UP-TS', now: province.clock.now })).token,
      (await enrolForwarder(province.db, { name: 'Thọ Xuân', code: 'UP-TX', now: province.clock.now })).token,
    ];
    districts = [
      await startTestServer({ forward: { url, token: tokens[0]!, ...FAST, fetchImpl: countingFetch(0) } }),
      await startTestServer({ forward: { url, token: tokens[1]!, ...FAST, fetchImpl: countingFetch(1) } }),
    ];
  });

  afterAll(async () => {
    for (const d of districts) await d.close();
    if (provinceApp !== province.app) await provinceApp.close();
    await province.close();
  });

  it(
    'gives the province exactly the union of both districts, after an outage and re-sends',
    { timeout: 60_000 },
    async () => {
      // Two guard devices per district, at two checkpoints.
      const devices = await Promise.all(
        districts.map(async (d) => [await d.enrol('TS-DL-001'), await d.enrol('TS-NUA-001')]),
      );
      const sent: { district: number; device: number; items: ReturnType<typeof checkIns> }[] = [];
      const pushFrom = async (district: number, device: number, count: number, seed: number): Promise<void> => {
        const d = districts[district]!;
        const dev = devices[district]![device]!;
        const items = checkIns(dev.checkpoint.id, count, seed);
        const res = await push(d.app, dev.token, pushBody(items));
        expect(res.statusCode).toBe(200);
        sent.push({ district, device, items });
      };

      await pushFrom(0, 0, 120, 1);
      await pushFrom(0, 1, 40, 2);
      await pushFrom(1, 0, 80, 3);
      await until('first round on the province', async () => (await countCheckins(province.db)) === 240);

      // The province goes down; districts keep accepting and queueing.
      await provinceApp.close();
      await pushFrom(0, 0, 300, 4);
      await pushFrom(1, 1, 450, 5);
      await pushFrom(1, 0, 90, 6);
      // Devices re-send a batch the district already has: duplicates at the district, not queued again.
      for (const { district, device, items } of sent.slice(0, 2)) {
        const res = await push(districts[district]!.app, devices[district]![device]!.token, pushBody(items));
        expect(res.json<{ results: { status: string }[] }>().results.every((r) => r.status === 'duplicate')).toBe(true);
      }
      // Both forwarders try the province several times while it is down, and keep everything queued.
      const before = [...unreachable];
      await until('three failed attempts per district', async () => unreachable.every((n, i) => n >= before[i]! + 3));
      expect((await outboxCounts(districts[0]!.db)).pending).toBe(300);
      expect((await outboxCounts(districts[1]!.db)).pending).toBe(540);
      // Re-queue everything district A already forwarded: the province must answer duplicate, not store twice.
      const firstRound = (await listAllCheckins(districts[0]!.db)).map((c) => c.id);
      await districts[0]!.db.transaction().execute((trx) => enqueueForward(trx, firstRound, province.clock.now));

      // The province comes back on the same database and port.
      provinceApp = await buildApp({
        ...province.target,
        publicUrl: 'http://province.test',
        now: () => province.clock.now,
      });
      await listen(provinceApp, provincePort);

      await until('both outboxes empty', async () => {
        const counts = await Promise.all(districts.map((d) => outboxCounts(d.db)));
        return counts.every((c) => c.pending === 0 && c.rejected === 0);
      });

      const union = [...(await listAllCheckins(districts[0]!.db)), ...(await listAllCheckins(districts[1]!.db))].sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      );
      const atProvince = await listAllCheckins(province.db);
      expect(union).toHaveLength(120 + 40 + 80 + 300 + 450 + 90);
      expect(atProvince).toHaveLength(union.length);
      expect(new Set(atProvince.map((c) => c.id)).size).toBe(atProvince.length);
      // Every field: device, receipt time, clock offset, corrected time, person, declaration.
      expect(atProvince).toEqual(union);

      // The district's checkpoints exist on the province under the district unit, codes prefixed.
      const cp = await findCheckpointByCode(province.db, 'UP-TS/TS-DL-001');
      expect(cp?.id).toBe(devices[0]![0]!.checkpoint.id);
    },
  );

  it('keeps guard rules and refuses bad input from a forwarder with 4xx', async () => {
    const code = await province.issueCode('TS-DL-001');
    const guard = await enrolSigned(provinceApp, code);
    const asGuard = await provinceApp.inject({
      method: 'POST',
      url: API.forwardingCatalog,
      headers: { authorization: `Bearer ${guard.token}` },
      payload: { checkpoints: [], devices: [] },
    });
    expect(asGuard.statusCode).toBe(403);
    const bad = await provinceApp.inject({
      method: 'POST',
      url: API.forwardingCatalog,
      headers: { authorization: `Bearer ${tokens[0]}` },
      payload: { checkpoints: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    // A guard's item for another checkpoint is still refused, `forwarded` or not.
    const other = await findCheckpointByCode(province.db, 'TS-NUA-001');
    const item = {
      ...checkIns(other!.id, 1, 9)[0]!,
      forwarded: {
        deviceId: guard.deviceId,
        receivedAt: 1_800_000_000_000,
        clockOffsetMs: 0,
        correctedTime: 1_800_000_000_000,
        skewed: false,
      },
    };
    const guardPush = await push(provinceApp, guard.token, pushBody([item]));
    expect(guardPush.json<{ results: { status: string }[] }>().results[0]?.status).toBe('rejected');
    // A forwarded item without `forwarded`, or for a checkpoint it never sent, is rejected, not stored.
    const plain = checkIns(other!.id, 2, 10);
    const forwarderPush = await push(
      provinceApp,
      tokens[0]!,
      pushBody([plain[0], { ...plain[1], forwarded: item.forwarded }]),
    );
    expect(forwarderPush.statusCode).toBe(200);
    expect(
      forwarderPush
        .json<{ results: { status: string; reason?: string }[] }>()
        .results.map((r) => r.reason?.split(':')[0]),
    ).toEqual(['missing_forwarded', 'unknown_checkpoint']);
  });
});
