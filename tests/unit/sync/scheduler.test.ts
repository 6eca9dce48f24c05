import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDb, pendingCount, saveCheckIn, saveEnrolment, useDatabase } from '../../../src/client/data';
import { startSyncScheduler, type SyncScheduler } from '../../../src/client/sync/scheduler';
import { FakeSyncServer } from '../../support/fake-sync-server';
import { makeCheckIn } from '../../support/make-checkin';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';

let dbCount = 0;

describe('sync scheduler', () => {
  let server: FakeSyncServer;
  let scheduler: SyncScheduler | undefined;
  beforeEach(async () => {
    server = new FakeSyncServer();
    useDatabase(new AppDb(`scheduler-${++dbCount}`));
    await saveEnrolment({
      deviceId: 'dev-1',
      token: server.token,
      enrolledAt: 0,
      checkpoint: DEMO_CHECKPOINT,
    });
  });
  afterEach(() => scheduler?.stop());

  it('a "send now" during a failing flush tries again at once, not after the backoff', async () => {
    for (let i = 0; i < 3; i++) await saveCheckIn(makeCheckIn(i));
    // The first push hangs until its deadline and fails; its backoff would then be seconds long.
    server.faults.push({ type: 'hang' });
    scheduler = startSyncScheduler({
      baseUrl: 'http://district.test',
      appVersion: 'test',
      fetchImpl: server.fetch,
      timeoutMs: 150,
      intervalMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(scheduler.isFlushing()).toBe(true);

    const result = await scheduler.flushNow();

    expect(result).toMatchObject({ outcome: 'done', cleared: 3 });
    expect(await pendingCount()).toBe(0);
    expect(server.stored.size).toBe(3);
  });
});
