/**
 * Ingest limits per item (issue 11, part 2): how far back an item may claim to be (72 h for a visitor's
 * self check-in, 14 days for a guard device, 10 min into the future for anyone), door-screen codes judged
 * at the receive time, and a revoked device's grace period (72 h) and count (2,000). Stored rows checked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { countCheckins, listAllCheckins } from '../../src/server/db/checkins-repo';
import { revokeDevice } from '../../src/server/db/devices-repo';
import { loadPosterSigner, type PosterSigner } from '../../src/server/services/poster-signing';
import { T0, checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';
import { onPostgres } from './test-db';
import { registerVisitor, selfCheckIn } from './self-checkin-helpers';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const HOA = { name: 'Nguyễn Thị Hoa', birthYear: 1987, visitorId: 'k3m9q2x7zt' };

let s: TestServer;
let signer: PosterSigner;
beforeEach(async () => {
  s = await startTestServer();
  signer = await loadPosterSigner(s.db, 'http://district.test', s.clock.now);
});
afterEach(async () => {
  await s.close();
});

const verdicts = (res: { json<T>(): T }) =>
  res.json<PushResponse>().results.map((r) => `${r.status}${r.reason ? ` ${r.reason.split(':')[0]}` : ''}`);

describe('claimed time against the receive time', () => {
  it('refuses a visitor self check-in claiming more than 72 h back, keeps one at 71 h', async () => {
    const token = await registerVisitor(s.app);
    const old = selfCheckIn(signer, s.checkpoint, HOA, T0 - 73 * H);
    const recent = selfCheckIn(signer, s.checkpoint, { ...HOA, visitorId: 'p8w2r5t1zq' }, T0 - 71 * H);
    const res = await push(s.app, token, pushBody([old, recent]));
    expect(res.statusCode).toBe(200);
    expect(verdicts(res)).toEqual(['rejected self_claimed_too_old', 'accepted']);
    expect((await listAllCheckins(s.db)).map((c) => c.id)).toEqual([recent.id]);
  });

  it('lets a guard device claim up to 14 days back, refuses older and anything over 10 min in the future', async () => {
    const { token } = await s.enrol();
    const [a, b, c, d] = checkIns(s.checkpoint.id, 4);
    const items = [
      { ...a!, deviceTime: T0 - 15 * D },
      { ...b!, deviceTime: T0 - 13 * D },
      { ...c!, deviceTime: T0 + 11 * M },
      { ...d!, deviceTime: T0 + 5 * M },
    ];
    const res = await push(s.app, token, pushBody(items));
    expect(verdicts(res)).toEqual(['rejected claimed_too_old', 'accepted', 'rejected claimed_in_future', 'accepted']);
    expect((await listAllCheckins(s.db)).map((x) => x.id).sort()).toEqual([b!.id, d!.id].sort());
  });

  it('judges the corrected time: a device clock two days slow still uploads yesterday’s scans, skew flagged', async () => {
    const { token } = await s.enrol();
    const [item] = checkIns(s.checkpoint.id, 1);
    const slow = 2 * D;
    const res = await push(
      s.app,
      token,
      pushBody([{ ...item!, deviceTime: T0 - slow - 20 * H }], { sentAt: T0 - slow }),
    );
    expect(verdicts(res)).toEqual(['accepted']);
    const [stored] = await listAllCheckins(s.db);
    expect(stored).toMatchObject({ correctedTime: T0 - 20 * H, skewed: true });
  });
});

describe('door-screen codes are judged at the receive time', () => {
  it('refuses a code captured 7 minutes earlier on an item backdated to match it; accepts a fresh code', async () => {
    const token = await registerVisitor(s.app);
    const capturedAt = T0 - 7 * M;
    const backdated = selfCheckIn(signer, s.checkpoint, HOA, capturedAt, Math.floor(capturedAt / M));
    const fresh = selfCheckIn(
      signer,
      s.checkpoint,
      { ...HOA, visitorId: 'p8w2r5t1zq' },
      T0 - 20_000,
      Math.floor(T0 / M),
    );
    const res = await push(s.app, token, pushBody([backdated, fresh]));
    expect(verdicts(res)).toEqual(['rejected stale_door_code', 'accepted']);
    expect((await listAllCheckins(s.db)).map((c) => c.id)).toEqual([fresh.id]);
  });

  it('keeps printed posters valid (they carry no time) within the self check-in window', async () => {
    const token = await registerVisitor(s.app);
    const res = await push(s.app, token, pushBody([selfCheckIn(signer, s.checkpoint, HOA, T0 - 30 * H)]));
    expect(verdicts(res)).toEqual(['accepted']);
  });
});

// The allowance is counted in the push transaction: on the request thread, and on the writer thread (SQLite).
describe.each([
  { on: 'the request thread', writerThread: false },
  ...(onPostgres ? [] : [{ on: 'the writer thread', writerThread: true }]),
])('a revoked device, its pushes stored on $on', { timeout: 60_000 }, ({ writerThread }) => {
  beforeEach(async () => {
    if (!writerThread) return;
    await s.close();
    s = await startTestServer({ writerThread });
  });

  it('uploads what it recorded before the revocation for 72 h after it, flagged; later nothing', async () => {
    const { token, deviceId } = await s.enrol();
    await revokeDevice(s.db, deviceId, T0);
    const [early, late] = checkIns(s.checkpoint.id, 2);
    s.clock.now = T0 + 71 * H;
    const first = await push(s.app, token, pushBody([early], { sentAt: s.clock.now }));
    expect(verdicts(first)).toEqual(['accepted']);
    s.clock.now = T0 + 73 * H;
    const second = await push(s.app, token, pushBody([late], { sentAt: s.clock.now }));
    expect(verdicts(second)).toEqual(['rejected device_revoked_grace_over']);
    const stored = await listAllCheckins(s.db);
    expect(stored.map((c) => [c.id, c.fromRevokedDevice])).toEqual([[early!.id, true]]);
  });

  it('stores at most 2,000 of its items after the revocation; resending stored ones costs nothing', async () => {
    const { token, deviceId } = await s.enrol();
    const items = checkIns(s.checkpoint.id, 2_100);
    await revokeDevice(s.db, deviceId, T0);
    s.clock.now = T0 + H;
    const results: string[] = [];
    for (let i = 0; i < items.length; i += 500) {
      const res = await push(s.app, token, pushBody(items.slice(i, i + 500), { sentAt: s.clock.now }));
      expect(res.statusCode).toBe(200);
      results.push(...verdicts(res));
    }
    expect(results.filter((r) => r === 'accepted')).toHaveLength(2_000);
    expect(results.slice(2_000)).toEqual(Array(100).fill('rejected device_revoked_limit'));
    expect(await countCheckins(s.db)).toBe(2_000);
    const again = await push(s.app, token, pushBody(items.slice(0, 10), { sentAt: s.clock.now }));
    expect(verdicts(again)).toEqual(Array(10).fill('duplicate'));
  });
});
