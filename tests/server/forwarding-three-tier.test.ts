/**
 * Forwarding through three tiers (issue 16): a district forwards to a province, which forwards to the nation, all
 * through the same durable outbox. The middle tier is down for part of the test and comes back on the same database;
 * the top ends with exactly the union of what the district accepted, one row per id, with the original device's
 * receipt facts (device, receive time, clock offset, corrected time) unchanged end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { listAllCheckins } from '../../src/server/db/checkins-repo';
import { outboxCounts } from '../../src/server/forwarding/outbox-repo';
import { enrolForwarder } from '../../src/server/forwarding/receiver-catalog';
import type { ForwardConfig } from '../../src/server/forwarding/sender';
import { listUnits } from '../../src/server/db/units-repo';
import { checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';

const FAST: Omit<ForwardConfig, 'url' | 'token'> = {
  idleMs: 20,
  backoff: { baseMs: 20, capMs: 200 },
  timeoutMs: 2_000,
};

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
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

describe('forwarding district → province → nation', () => {
  let nation: TestServer;
  let province: TestServer;
  let provinceApp: FastifyInstance;
  let provinceConfig: { forward: ForwardConfig };
  let provincePort = 0;
  let district: TestServer;

  beforeAll(async () => {
    nation = await startTestServer();
    const nationUrl = `http://127.0.0.1:${await listen(nation.app)}`;
    // The province is created first so that it can be enrolled on the nation with its own forwarding token.
    province = await startTestServer();
    const provinceToken = (
      await enrolForwarder(nation.db, { name: 'Thanh Hóa', code: 'UP-TH', level: 'province', now: nation.clock.now })
    ).token;
    // The province's own app gets a forwarder: rebuild it with the forwarding settings on the same database.
    await province.app.close();
    provinceConfig = { forward: { url: nationUrl, token: provinceToken, ...FAST } };
    provinceApp = await buildApp({
      ...province.target,
      publicUrl: 'http://province.test',
      now: () => province.clock.now,
      ...provinceConfig,
    });
    provincePort = await listen(provinceApp);
    const districtToken = (
      await enrolForwarder(province.db, { name: 'Triệu Sơn', code: 'UP-TS', now: province.clock.now })
    ).token;
    district = await startTestServer({
      forward: { url: `http://127.0.0.1:${provincePort}`, token: districtToken, ...FAST },
    });
  });

  afterAll(async () => {
    await district.close();
    await provinceApp.close();
    await province.close();
    await nation.close();
  });

  it(
    'gives the nation exactly the district union while the province is down part of the time',
    { timeout: 90_000 },
    async () => {
      const guards = [await district.enrol('TS-DL-001'), await district.enrol('TS-NUA-001')];
      let sent = 0;
      const pushFrom = async (guard: number, count: number, seed: number): Promise<void> => {
        const g = guards[guard]!;
        const res = await push(district.app, g.token, pushBody(checkIns(g.checkpoint.id, count, seed)));
        expect(res.statusCode).toBe(200);
        sent += count;
      };

      await pushFrom(0, 150, 1);
      await pushFrom(1, 60, 2);
      await until('first round at the nation', async () => (await listAllCheckins(nation.db)).length === sent);

      // The middle tier goes down: the district keeps accepting and queues; the nation gets nothing new.
      await provinceApp.close();
      await pushFrom(0, 400, 3);
      await pushFrom(1, 250, 4);
      expect((await outboxCounts(district.db)).pending).toBe(650);

      // The province comes back on the same database and port, forwarder included.
      provinceApp = await buildApp({
        ...province.target,
        publicUrl: 'http://province.test',
        now: () => province.clock.now,
        ...provinceConfig,
      });
      await listen(provinceApp, provincePort);
      await pushFrom(0, 90, 5);

      await until('every tier drained', async () => {
        const [d, p] = [await outboxCounts(district.db), await outboxCounts(province.db)];
        return (
          d.pending === 0 &&
          p.pending === 0 &&
          d.rejected === 0 &&
          p.rejected === 0 &&
          (await listAllCheckins(nation.db)).length === sent
        );
      });

      const atDistrict = (await listAllCheckins(district.db)).sort((a, b) => (a.id < b.id ? -1 : 1));
      const atProvince = (await listAllCheckins(province.db)).sort((a, b) => (a.id < b.id ? -1 : 1));
      const atNation = (await listAllCheckins(nation.db)).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(atDistrict).toHaveLength(150 + 60 + 400 + 250 + 90);
      expect(new Set(atNation.map((c) => c.id)).size).toBe(atNation.length);
      // Every field, receipt facts included: the guard device's id, the district's receive time and clock correction.
      expect(atProvince).toEqual(atDistrict);
      expect(atNation).toEqual(atDistrict);

      // The hierarchy is data: the province's unit on the nation is a province, the district's checkpoints sit under
      // it.
      const units = await listUnits(nation.db);
      expect(units.find((u) => u.code === 'UP-TH')?.level).toBe('province');
      const cp = await findCheckpointByCode(nation.db, 'UP-TH/UP-TS/TS-DL-001');
      expect(cp?.id).toBe(guards[0]!.checkpoint.id);
    },
  );
});
