import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AppDb,
  getSyncStatus,
  listNeedsAttention,
  pendingCount,
  saveCheckIn,
  saveEnrolment,
  useDatabase,
  getCheckIn,
} from '../../../src/client/data';
import { flushOutbox } from '../../../src/client/sync/flush';
import { reachOf } from '../../../src/client/device/standing';
import { FakeSyncServer } from '../../support/fake-sync-server';
import { makeCheckIn } from '../../support/make-checkin';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';

let dbCount = 0;
async function freshDevice(server: FakeSyncServer): Promise<void> {
  useDatabase(new AppDb(`test-${++dbCount}`));
  await saveEnrolment({
    deviceId: 'dev-1',
    token: server.token,
    enrolledAt: 0,
    checkpoint: DEMO_CHECKPOINT,
  });
}

const opts = (server: FakeSyncServer, extra: Partial<Parameters<typeof flushOutbox>[0]> = {}) => ({
  baseUrl: 'http://district.test',
  appVersion: 'test',
  fetchImpl: server.fetch,
  timeoutMs: 200,
  ...extra,
});

describe('flushOutbox', () => {
  let server: FakeSyncServer;
  beforeEach(async () => {
    server = new FakeSyncServer();
    await freshDevice(server);
  });

  it('sends every pending check-in in batches and empties the outbox', async () => {
    const items = Array.from({ length: 23 }, (_, i) => makeCheckIn(i));
    for (const item of items) await saveCheckIn(item);
    expect(await pendingCount()).toBe(23);

    const result = await flushOutbox(opts(server, { batchSize: 5 }));

    expect(result).toMatchObject({ outcome: 'done', cleared: 23, rejected: 0 });
    expect(server.requests).toBe(5);
    expect([...server.stored.keys()].sort()).toEqual(items.map((i) => i.id).sort());
    expect(await pendingCount()).toBe(0);
    expect((await getSyncStatus()).lastSuccessAt).not.toBeNull();
  });

  it('keeps everything pending when the server answers 500, and records the failure', async () => {
    await saveCheckIn(makeCheckIn(1));
    server.faults.push({ type: 'status', status: 500 });

    const result = await flushOutbox(opts(server));

    expect(result).toMatchObject({ outcome: 'failed', error: 'server_error' });
    expect(await pendingCount()).toBe(1);
    expect((await getSyncStatus()).consecutiveFailures).toBe(1);
    expect(server.stored.size).toBe(0);
  });

  it('retries after an answer saying its proof was replayed (the network sent the request twice), and delivers', async () => {
    await saveCheckIn(makeCheckIn(1));
    server.faults.push({ type: 'status', status: 409, error: 'proof_replayed' });
    expect(await flushOutbox(opts(server))).toMatchObject({ outcome: 'failed', error: 'server_error' });
    expect(await pendingCount()).toBe(1);
    expect(await listNeedsAttention()).toEqual([]);
    expect(await flushOutbox(opts(server))).toMatchObject({ outcome: 'done', cleared: 1 });
    expect(server.stored.size).toBe(1);
  });

  it('calls a 429 busy, not a server fault, waits as told, and the banner says the server is busy', async () => {
    await saveCheckIn(makeCheckIn(1));
    server.faults.push({ type: 'status', status: 429, retryAfter: '30', error: 'too_many_items' });
    expect(await flushOutbox(opts(server))).toMatchObject({ outcome: 'failed', error: 'busy', retryAfterMs: 30_000 });
    expect((await getSyncStatus()).lastError).toBe('busy');
    expect(reachOf(true, 'busy', 1)).toBe('server_busy');
    expect(await pendingCount()).toBe(1);
  });

  it('reports Retry-After from a 503', async () => {
    await saveCheckIn(makeCheckIn(1));
    server.faults.push({ type: 'status', status: 503, retryAfter: '7' });
    const result = await flushOutbox(opts(server));
    expect(result).toMatchObject({ outcome: 'failed', retryAfterMs: 7000 });
    expect(await pendingCount()).toBe(1);
  });

  it('times out on a server that never answers and keeps the item', async () => {
    await saveCheckIn(makeCheckIn(1));
    server.faults.push({ type: 'hang' });
    const result = await flushOutbox(opts(server, { timeoutMs: 50 }));
    expect(result).toMatchObject({ outcome: 'failed', error: 'timeout' });
    expect(await pendingCount()).toBe(1);
  });

  it('resends after an answer was lost, and the server keeps one copy', async () => {
    const item = makeCheckIn(1);
    await saveCheckIn(item);
    server.faults.push({ type: 'drop_after_commit' });

    expect((await flushOutbox(opts(server))).outcome).toBe('failed');
    expect(server.stored.size).toBe(1);
    expect(await pendingCount()).toBe(1);

    const second = await flushOutbox(opts(server));
    expect(second).toMatchObject({ outcome: 'done', cleared: 1 });
    expect(server.stored.size).toBe(1);
    expect((await getCheckIn(item.id))?.status).toBe('synced');
  });

  it('moves rejected items to needs-attention and never drops them', async () => {
    const good = makeCheckIn(1);
    const bad = makeCheckIn(2);
    await saveCheckIn(good);
    await saveCheckIn(bad);
    server.rejectIds.add(bad.id);

    const result = await flushOutbox(opts(server));

    expect(result).toMatchObject({ outcome: 'done', cleared: 1, rejected: 1 });
    const attention = await listNeedsAttention();
    expect(attention.map((a) => a.checkIn.id)).toEqual([bad.id]);
    expect(attention[0]?.reason).toBe('invalid item');
    expect(attention[0]?.checkIn.person.name).toBe(bad.person.name);
    expect(await pendingCount()).toBe(0);
  });

  it('ignores a repeated answer that does not match what was sent', async () => {
    const first = makeCheckIn(1);
    await saveCheckIn(first);
    await flushOutbox(opts(server));
    const second = makeCheckIn(2);
    await saveCheckIn(second);
    server.faults.push({ type: 'repeat_previous' });

    const result = await flushOutbox(opts(server));

    // The stale answer settles nothing, so the new item stays pending for the next attempt.
    expect(result.outcome).toBe('failed');
    expect(await pendingCount()).toBe(1);
    expect((await flushOutbox(opts(server))).outcome).toBe('done');
    expect(server.stored.has(second.id)).toBe(true);
  });

  it('stops on a revoked device and keeps the queue', async () => {
    await saveCheckIn(makeCheckIn(1));
    server.faults.push({ type: 'status', status: 403 });
    const result = await flushOutbox(opts(server));
    expect(result).toMatchObject({ outcome: 'failed', error: 'revoked' });
    expect(await pendingCount()).toBe(1);
  });

  it('classifies a failed key registration like any other answer, and keeps the queue', async () => {
    await saveCheckIn(makeCheckIn(1));
    const cases = [
      [{ status: 403 }, { error: 'revoked', retryAfterMs: null }],
      [{ status: 401 }, { error: 'unauthorized', retryAfterMs: null }],
      [
        { status: 503, retryAfter: '30' },
        { error: 'server_error', retryAfterMs: 30_000 },
      ],
      ['unreachable', { error: 'offline', retryAfterMs: null }],
    ] as const;
    for (const [answer, expected] of cases) {
      server.keyAnswer = answer;
      expect(await flushOutbox(opts(server))).toMatchObject({ outcome: 'failed', ...expected });
      expect((await getSyncStatus()).lastError).toBe(expected.error);
    }
    expect(server.requests).toBe(0); // nothing is pushed unsigned
    expect(await pendingCount()).toBe(1);
    server.keyAnswer = null;
    expect(await flushOutbox(opts(server))).toMatchObject({ outcome: 'done', cleared: 1 });
  });

  it('lets only one flusher run at a time', async () => {
    for (let i = 0; i < 3; i++) await saveCheckIn(makeCheckIn(i));
    const [a, b] = await Promise.all([flushOutbox(opts(server)), flushOutbox(opts(server))]);
    expect([a.outcome, b.outcome].sort()).toEqual(['busy', 'done']);
    expect(server.stored.size).toBe(3);
  });

  it('delivers every check-in exactly once under any sequence of faults (property)', { timeout: 20_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom<'500' | '503' | 'hang' | 'drop' | 'repeat' | 'ok'>(
            '500',
            '503',
            'hang',
            'drop',
            'repeat',
            'ok',
          ),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (faultPlan, count, batchSize) => {
          const srv = new FakeSyncServer();
          await freshDevice(srv);
          for (const f of faultPlan) {
            if (f === '500') srv.faults.push({ type: 'status', status: 500 });
            if (f === '503') srv.faults.push({ type: 'status', status: 503, retryAfter: '1' });
            if (f === 'hang') srv.faults.push({ type: 'hang' });
            if (f === 'drop') srv.faults.push({ type: 'drop_after_commit' });
            if (f === 'repeat') srv.faults.push({ type: 'repeat_previous' });
          }
          const ids: string[] = [];
          for (let i = 0; i < count; i++) {
            const item = makeCheckIn(i);
            ids.push(item.id);
            await saveCheckIn(item);
          }
          for (let attempt = 0; attempt < 40 && (await pendingCount()) > 0; attempt++) {
            await flushOutbox(opts(srv, { batchSize, timeoutMs: 5 }));
          }
          expect(await pendingCount()).toBe(0);
          expect([...srv.stored.keys()].sort()).toEqual([...ids].sort());
        },
      ),
      { numRuns: 40 },
    );
  });
});
