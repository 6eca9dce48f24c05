/**
 * The device side of "nothing lost": a full quota or unavailable storage is reported (the app blocks
 * with a warning) and never half-writes; a lost IndexedDB connection is reopened and the write lands;
 * a revoked device keeps its whole queue.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AppDb,
  appDb,
  getDeviceRevokedAt,
  listSince,
  onStorageFailure,
  pendingCount,
  probeStorage,
  readPendingBatch,
  saveCheckIn,
  saveCheckIns,
  saveEnrolment,
  useDatabase,
  type StorageFailure,
} from '../../../src/client/data';
import { recordScan } from '../../../src/client/guard/record-scan';
import { refreshDeviceConfig } from '../../../src/client/sync/config-fetch';
import { flushOutbox } from '../../../src/client/sync/flush';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';
import { makeCheckIn } from '../../support/make-checkin';

const AN = '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực|15082021';

let n = 0;
const failures: StorageFailure[] = [];
let off: () => void = () => undefined;
beforeEach(() => {
  useDatabase(new AppDb(`device-faults-${++n}`));
  failures.length = 0;
  off = onStorageFailure((f) => failures.push(f));
});
afterEach(() => {
  off();
  vi.restoreAllMocks();
});

describe('storage failures', () => {
  it('a full quota: the scan reports save_failed, the warning is told "quota", nothing is half-written', async () => {
    await saveCheckIn(makeCheckIn(0));
    // The check-in row fits; its outbox key is what overflows the quota (the worst moment).
    const realAdd = IDBObjectStore.prototype.add;
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'outbox') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const outcome = await recordScan(AN, { checkpointId: 'cp-demo', repeatWindowMin: 10, now: Date.now() });
    expect(outcome.type).toBe('save_failed');
    expect(failures).toEqual(['quota']);
    add.mockRestore();
    // Only the earlier check-in is there, and it is still pending: no row without its outbox key.
    expect((await listSince(0)).map((c) => c.status)).toEqual(['pending']);
    expect(await pendingCount()).toBe(1);
    // Space freed: the next save lands.
    await saveCheckIn(makeCheckIn(1));
    expect(await pendingCount()).toBe(2);
  });

  it('no usable IndexedDB (a private window): the probe says so and a save is reported, not lost silently', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    expect(await probeStorage()).toBe('unavailable');
    await expect(saveCheckIn(makeCheckIn(0))).rejects.toThrow();
    expect(failures).toContain('unavailable');
  });
});

describe('IndexedDB connection loss', () => {
  it('reopens after the app connection was closed and the next write lands', async () => {
    await saveCheckIn(makeCheckIn(0));
    appDb().close();
    await saveCheckIns([makeCheckIn(1), makeCheckIn(2)]);
    expect(await pendingCount()).toBe(3);
    expect(failures).toEqual([]);
  });

  it('survives the connection being closed in the middle of a write', async () => {
    const writing = saveCheckIns([makeCheckIn(0), makeCheckIn(1)]);
    appDb().close();
    await writing;
    const during = saveCheckIn(makeCheckIn(2));
    appDb().close();
    await during;
    expect((await readPendingBatch(10)).items).toHaveLength(3);
  });

  it('survives the browser closing the underlying database under Dexie (iOS after backgrounding)', async () => {
    await saveCheckIn(makeCheckIn(0));
    appDb().backendDB().close();
    await saveCheckIn(makeCheckIn(1));
    expect(await pendingCount()).toBe(2);
  });
});

describe('revoked device', () => {
  it('keeps every queued check-in pending and remembers it was revoked', async () => {
    await saveEnrolment({ deviceId: 'dev-1', token: 't', enrolledAt: 0, checkpoint: DEMO_CHECKPOINT });
    const items = Array.from({ length: 4 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    const revoked = async () =>
      new Response(JSON.stringify({ error: 'device_revoked', message: 'This device has been revoked' }), {
        status: 403,
      });
    expect(await refreshDeviceConfig('http://district.test', revoked)).toBe(false);
    expect(await getDeviceRevokedAt()).not.toBeNull();
    const result = await flushOutbox({
      baseUrl: 'http://district.test',
      appVersion: 'test',
      fetchImpl: revoked,
      timeoutMs: 200,
    });
    expect(result).toMatchObject({ outcome: 'failed', error: 'revoked' });
    expect(await pendingCount()).toBe(4);
    expect((await readPendingBatch(10)).items.map((c) => c.id)).toEqual(items.map((c) => c.id));
  });
});
