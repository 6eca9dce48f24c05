/**
 * The server acknowledges only what is committed: a check-in answered `accepted` and then the
 * server SIGKILLed at once is in the database after the restart — alone, and under concurrent pushes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckIn } from '../support/make-checkin';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { enrolSim, pushOnce } from '../support/sim-device';
import type { KeyedEnrolment } from '../support/device-key';

describe('acknowledged means committed', () => {
  let server: ServerProcess;
  let device: KeyedEnrolment;
  let checkpointId: string;

  beforeAll(async () => {
    server = await startServerProcess();
    const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    const enrolment = await enrolSim(server.url, link.split('#')[1] ?? '', 'kill test');
    device = enrolment;
    checkpointId = enrolment.checkpoint.id;
  });

  afterAll(async () => {
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('a push answered accepted and then SIGKILL at once is there after the restart', async () => {
    const items = Array.from({ length: 50 }, (_, i) => makeCheckIn(i, { checkpointId, deviceTime: Date.now() }));
    const answer = await pushOnce(server.url, device, items);
    await server.kill('SIGKILL');
    expect(answer?.results.every((r) => r.status === 'accepted')).toBe(true);
    await server.restart();
    const stored = new Set((await readCheckins(server.dataDir)).map((c) => c.id));
    expect(items.filter((i) => !stored.has(i.id))).toEqual([]);
  });

  it('under concurrent pushes, every acknowledged item survives a SIGKILL at a random moment', async () => {
    let lost = 0;
    let acknowledged = 0;
    for (let round = 0; round < 3; round++) {
      const acked: string[] = [];
      let alive = true;
      const pusher = async (p: number) => {
        for (let n = 0; alive; n++) {
          const items = Array.from({ length: 100 }, (_, i) =>
            makeCheckIn(i, { checkpointId, deviceTime: Date.now(), person: { name: `Khách ${round}-${p}-${n}-${i}` } }),
          );
          const answer = await pushOnce(server.url, device, items);
          if (!answer) return;
          for (const r of answer.results) if (r.id && r.status !== 'rejected') acked.push(r.id);
        }
      };
      const pushers = Array.from({ length: 4 }, (_, p) => pusher(p));
      await new Promise((r) => setTimeout(r, 200 + round * 170));
      await server.kill('SIGKILL');
      alive = false;
      await Promise.all(pushers);
      await server.restart();
      const stored = new Set((await readCheckins(server.dataDir)).map((c) => c.id));
      lost += acked.filter((id) => !stored.has(id)).length;
      acknowledged += acked.length;
    }
    console.log(`acknowledged before SIGKILL: ${acknowledged} items over 3 kills, lost after restart: ${lost}`);
    expect(acknowledged).toBeGreaterThan(0);
    expect(lost).toBe(0);
  });
});
