/**
 * Nothing lost, nothing doubled, at volume: API-level guard devices (the app's own push and backoff
 * code) take check-ins while a seeded fault proxy drops, delays, fails and replays their pushes and
 * the real server process is SIGKILLed mid-batch and restarted. At the end the server holds exactly
 * one row per valid check-in taken, every outbox is empty, only the deliberately invalid items need
 * attention, and corrected times are within 5 s of the truth. `FAULT_SOAK=1` runs a longer seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultControl, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { enrolSim, SimDevice } from '../support/sim-device';

const SOAK = process.env.FAULT_SOAK === '1';
const SEED = Number(process.env.FAULT_SEED ?? 20261128);
/** Check-ins each device takes, and how many times the server is killed during the run. */
const PER_DEVICE = SOAK ? 2_000 : 400;
const KILLS = SOAK ? 12 : 3;
const HOUR = 3_600_000;
const SKEWS = [0, 2 * HOUR, -24 * HOUR, 0, 30_000, -5 * 60_000];

describe('API-level devices under network and server faults', () => {
  let server: ServerProcess;
  let proxy: FaultProxy;

  beforeAll(async () => {
    server = await startServerProcess();
    proxy = await startFaultProxy(new FaultControl(server.url, SEED));
  });

  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it(
    'every check-in reaches the server exactly once, with its time corrected',
    { timeout: SOAK ? 1_800_000 : 150_000 },
    async () => {
      const control = proxy.control;
      const devices: SimDevice[] = [];
      for (const [n, skewMs] of SKEWS.entries()) {
        const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
        const code = link.split('#')[1] ?? '';
        const enrolment = await enrolSim(proxy.url, code, `sim ${n}`);
        devices.push(new SimDevice({ name: `Thiết bị ${n}`, baseUrl: proxy.url, skewMs, timeoutMs: 1_000 }, enrolment));
      }
      control.plan = {
        dropBefore: 0.08,
        dropAfter: 0.08,
        delay: 0.05,
        error500: 0.04,
        error500After: 0.04,
        error503: 0.05,
        twice: 0.06,
        delayMs: 1_500,
        retryAfterS: 1,
      };
      const runs = devices.map((d) => d.run());

      // Devices take check-ins in bursts while the server is killed now and then, mid-batch when possible.
      const random = control.random;
      let taken = 0;
      let killsMidBatch = 0;
      const killAt = new Set(Array.from({ length: KILLS }, (_, k) => Math.floor(((k + 1) * PER_DEVICE) / (KILLS + 1))));
      for (let i = 0; i < PER_DEVICE; i += 10) {
        for (const device of devices) {
          for (let j = i; j < i + 10; j++) device.take(j, random() < 0.01);
          taken += 10;
        }
        await new Promise((r) => setTimeout(r, 20 + random() * 40));
        if ([...killAt].some((k) => k >= i && k < i + 10)) {
          // Wait for a push to be in flight, then SIGKILL the server under it.
          for (let w = 0; w < 100 && control.inflight === 0; w++) await new Promise((r) => setTimeout(r, 10));
          if (control.inflight > 0) killsMidBatch++;
          await server.kill('SIGKILL');
          await new Promise((r) => setTimeout(r, 300 + random() * 700));
          await server.restart();
          control.target = server.url;
        }
      }
      for (const device of devices) device.stop();
      await Promise.all(runs);

      const stored = await readCheckins(server.dataDir);
      const all = devices.flatMap((d) => d.taken);
      const valid = all.filter((t) => !t.invalid);
      const invalid = all.filter((t) => t.invalid);
      const storedIds = stored.map((c) => c.id);
      const truth = new Map(all.map((t) => [t.id, t.trueTime]));
      const maxError = Math.max(...stored.map((c) => Math.abs(c.correctedTime - (truth.get(c.id) ?? Number.NaN))));
      const attention = devices.flatMap((d) => [...d.needsAttention.keys()]);
      const pendingLeft = devices.reduce((n, d) => n + d.pending.size, 0);
      const pushes = devices.reduce((n, d) => n + d.pushes, 0);

      console.log(
        [
          `fault suite (API devices, seed ${SEED}): ${devices.length} devices took ${taken} check-ins (${invalid.length} invalid on purpose) in ${pushes} pushes`,
          `  faults injected: ${control.summary()}; server SIGKILLed ${KILLS}× (${killsMidBatch} with a push in flight)`,
          `  server rows ${stored.length}, distinct ${new Set(storedIds).size}, valid ids taken ${valid.length}; pending left ${pendingLeft}; needs attention ${attention.length}`,
          `  max |corrected − true time| ${maxError} ms`,
        ].join('\n'),
      );

      expect(taken).toBe(all.length);
      expect(new Set(storedIds).size).toBe(stored.length);
      expect([...storedIds].sort()).toEqual(valid.map((t) => t.id).sort());
      expect(pendingLeft).toBe(0);
      expect(attention.sort()).toEqual(invalid.map((t) => t.id).sort());
      expect(maxError).toBeLessThanOrEqual(5_000);
    },
  );
});
