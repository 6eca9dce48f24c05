/** Issue 14: a revoked device uploads what the revocation rule accepts, then wipes its queue, names and keys. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AppDb,
  appDb,
  ensureDeviceKey,
  getDeviceWipedAt,
  getMatchKey,
  pendingCount,
  saveCheckIns,
  saveEnrolment,
  useDatabase,
} from '../../../src/client/data';
import { refreshDeviceConfig } from '../../../src/client/sync/config-fetch';
import { API } from '../../../src/shared/protocol';
import { FakeSyncServer } from '../../support/fake-sync-server';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';
import { makeCheckIn } from '../../support/make-checkin';

let n = 0;
beforeEach(() => useDatabase(new AppDb(`wipe-${++n}`)));

describe('revocation wipe', () => {
  it('sends the queue, then deletes check-ins, names and keys, and remembers it was wiped', async () => {
    const srv = new FakeSyncServer('t');
    await saveEnrolment({ deviceId: 'dev-1', token: 't', enrolledAt: 0, checkpoint: DEMO_CHECKPOINT });
    await ensureDeviceKey(true);
    await getMatchKey();
    const items = Array.from({ length: 3 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    srv.rejectIds.add(items[2]!.id); // recorded after the revocation: refused, and wiped all the same
    const fetchImpl: typeof fetch = async (input, init) =>
      String(input).endsWith(API.deviceConfig)
        ? new Response(JSON.stringify({ error: 'device_revoked', message: 'revoked' }), { status: 403 })
        : srv.fetch(input, init);
    await refreshDeviceConfig('http://district.test', fetchImpl);
    expect([...srv.stored.keys()].sort()).toEqual([items[0]!.id, items[1]!.id].sort());
    expect(await pendingCount()).toBe(0);
    expect(await appDb().checkins.count()).toBe(0);
    expect(await appDb().rejected.count()).toBe(0);
    expect(await appDb().names.count()).toBe(0);
    expect(
      (await appDb().meta.bulkGet(['matchKey', 'deviceKey', 'districtKey'])).every((row) => row === undefined),
    ).toBe(true);
    expect(await getDeviceWipedAt()).not.toBeNull();
    await expect(saveCheckIns([makeCheckIn(9)])).rejects.toThrow();
  });

  it('keeps everything while the upload cannot be made (offline)', async () => {
    await saveEnrolment({ deviceId: 'dev-1', token: 't', enrolledAt: 0, checkpoint: DEMO_CHECKPOINT });
    await ensureDeviceKey(true);
    await saveCheckIns([makeCheckIn(1)]);
    const revoked = async () =>
      new Response(JSON.stringify({ error: 'device_revoked', message: 'revoked' }), { status: 403 });
    await refreshDeviceConfig('http://district.test', revoked);
    expect(await pendingCount()).toBe(1);
    expect(await getDeviceWipedAt()).toBeNull();
  });
});
