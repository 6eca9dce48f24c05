/**
 * The pipelined flush (next batch in flight while this one's answers are applied) and the bulk
 * application of answers: both were changed for bench:flush and must keep exactly-once semantics.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AppDb,
  applyPushResults,
  getCheckIn,
  listNeedsAttention,
  pendingCount,
  saveCheckIn,
  saveCheckIns,
  saveEnrolment,
  useDatabase,
} from '../../../src/client/data';
import { flushOutbox } from '../../../src/client/sync/flush';
import { FakeSyncServer } from '../../support/fake-sync-server';
import { makeCheckIn } from '../../support/make-checkin';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';

let dbCount = 0;
let server: FakeSyncServer;
beforeEach(async () => {
  server = new FakeSyncServer();
  useDatabase(new AppDb(`pipeline-${++dbCount}`));
  await saveEnrolment({
    deviceId: 'dev-1',
    token: server.token,
    enrolledAt: 0,
    checkpoint: DEMO_CHECKPOINT,
  });
});
const opts = {
  baseUrl: 'http://district.test',
  appVersion: 'test',
  fetchImpl: (...a: Parameters<typeof fetch>) => server.fetch(...a),
  timeoutMs: 200,
};

describe('pipelined flush', () => {
  it('drains many batches, each id sent until acknowledged and stored once', async () => {
    const items = Array.from({ length: 47 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    const result = await flushOutbox({ ...opts, batchSize: 5 });
    expect(result).toMatchObject({ outcome: 'done', cleared: 47 });
    expect(await pendingCount()).toBe(0);
    expect([...server.stored.keys()].sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('keeps two pushes on the wire, no more, and stores each id once', async () => {
    const items = Array.from({ length: 30 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    server.latencyMs = 20;
    const result = await flushOutbox({ ...opts, batchSize: 5 });
    expect(result).toMatchObject({ outcome: 'done', cleared: 30 });
    expect(server.peakInFlight).toBe(2);
    expect(server.requests).toBe(6);
    expect(server.stored.size).toBe(30);
    expect(await pendingCount()).toBe(0);
  });

  it('loses nothing when the first of two pushes on the wire fails and the second is stored', async () => {
    const items = Array.from({ length: 10 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    server.latencyMs = 10;
    // Aimed at the first batch: the two pushes may reach the server in either order.
    server.faults.push({ type: 'status', status: 503, forId: items[0]!.id });
    const result = await flushOutbox({ ...opts, batchSize: 5 });
    expect(result.outcome).toBe('failed');
    // The second push was stored but its answer not applied: both batches are still pending, none lost.
    expect(server.stored.size).toBe(5);
    expect(await pendingCount()).toBe(10);
    const next = await flushOutbox({ ...opts, batchSize: 5 });
    expect(next).toMatchObject({ outcome: 'done', cleared: 10 });
    expect(server.stored.size).toBe(10);
    expect(await pendingCount()).toBe(0);
  });

  it('keeps the failed batch and everything after it pending when a later push fails', async () => {
    const items = Array.from({ length: 12 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    server.faults.push({ type: 'repeat_previous' }, { type: 'status', status: 503, retryAfter: '2' });
    const result = await flushOutbox({ ...opts, batchSize: 4 });
    expect(result.outcome).toBe('failed');
    expect(result.retryAfterMs).toBe(2_000);
    // Whatever was acknowledged left the outbox; everything else is still pending, nothing lost.
    const stored = new Set(server.stored.keys());
    const statuses = await Promise.all(items.map(async (i) => [i.id, (await getCheckIn(i.id))?.status] as const));
    expect(statuses.filter(([, s]) => s === 'synced').every(([id]) => stored.has(id))).toBe(true);
    expect(statuses.filter(([, s]) => s === 'pending').length).toBe(await pendingCount());
    expect(await pendingCount()).toBeGreaterThan(0);
    const next = await flushOutbox({ ...opts, batchSize: 4 });
    expect(next.outcome).toBe('done');
    expect(await pendingCount()).toBe(0);
    expect(server.stored.size).toBe(12);
  });
});

describe('applyPushResults', () => {
  it('settles each pending id once, ignores unknown and already settled ids, and keeps rejections visible', async () => {
    const [a, b, c] = [makeCheckIn(1), makeCheckIn(2), makeCheckIn(3)];
    for (const item of [a, b, c]) await saveCheckIn(item);
    const first = await applyPushResults(
      [
        { id: a.id, status: 'accepted' },
        { id: a.id, status: 'rejected', reason: 'second verdict must not win' },
        { id: b.id, status: 'rejected', reason: 'invalid_checkin: person.birthYear' },
        { id: makeCheckIn(9).id, status: 'accepted' },
        { id: null, status: 'rejected' },
      ],
      1_000,
    );
    expect(first).toEqual({ cleared: 1, rejected: 1 });
    const again = await applyPushResults([{ id: a.id, status: 'duplicate' }], 2_000);
    expect(again).toEqual({ cleared: 0, rejected: 0 });
    expect((await getCheckIn(a.id))?.status).toBe('synced');
    expect((await getCheckIn(c.id))?.status).toBe('pending');
    expect((await listNeedsAttention()).map((l) => [l.checkIn.id, l.reason])).toEqual([
      [b.id, 'invalid_checkin: person.birthYear'],
    ]);
  });
});
