/**
 * PostgreSQL check-ins are partitioned by the month of their UUIDv7 id: the months around the server
 * clock exist ahead, a check-in from a month without a partition waits in the default one and moves
 * when its month is created, and retention drops whole expired months without losing a row whose
 * corrected time is still inside retention (a device whose clock ran slow).
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { ensurePartitions } from '../../src/server/db/partitions';
import { getSettings } from '../../src/server/db/settings-repo';
import { sampleCheckIns } from '../../src/server/seed/sample-checkins';
import { purgeExpired } from '../../src/server/services/retention';
import { checkIns, push, pushBody, startTestServer, T0, type TestServer } from '../server/helpers';

const DAY = 86_400_000;
let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

/** Rows per partition of `checkins`, by partition name. */
async function rowsByPartition(): Promise<Record<string, number>> {
  const res = await sql<{
    p: string;
    n: number;
  }>`select tableoid::regclass::text as p, count(*) as n from checkins group by 1`.execute(s.db);
  return Object.fromEntries(res.rows.map((r) => [r.p, Number(r.n)]));
}

describe('monthly partitions of check-ins (PostgreSQL)', () => {
  it('stores check-ins in their month, parks a far-future id in the default partition and moves it when its month is made', async () => {
    const { token } = await s.enrol();
    const now = checkIns(s.checkpoint.id, 30);
    // A device whose clock runs three months fast: its ids carry February 2027.
    const fast = sampleCheckIns({ checkpointId: s.checkpoint.id, count: 5, startTime: Date.UTC(2027, 1, 20), seed: 3 });
    expect(
      (await push(s.app, token, pushBody(now))).json<PushResponse>().results.every((r) => r.status === 'accepted'),
    ).toBe(true);
    expect(
      (await push(s.app, token, pushBody(fast, { sentAt: Date.UTC(2027, 1, 20) })))
        .json<PushResponse>()
        .results.every((r) => r.status === 'accepted'),
    ).toBe(true);
    expect(await rowsByPartition()).toEqual({ checkins_y2026m11: 30, checkins_default: 5 });

    expect(await ensurePartitions(s.db, Date.UTC(2027, 1, 2))).toEqual(['checkins_y2027m02', 'checkins_y2027m03']);
    expect(await rowsByPartition()).toEqual({ checkins_y2026m11: 30, checkins_y2027m02: 5 });
    // Idempotency still holds across partitions: the same batches again are duplicates.
    // (each batch sent again by its own device clock: the fast one's claims are only plausible with its clock)
    for (const again of [
      await push(s.app, token, pushBody(now)),
      await push(s.app, token, pushBody(fast, { sentAt: Date.UTC(2027, 1, 20) })),
    ]) {
      expect(again.json<PushResponse>().results.every((r) => r.status === 'duplicate')).toBe(true);
    }
    expect(await countCheckins(s.db)).toBe(35);
  });

  it('retention drops an expired month as a whole and keeps the rows of a slow-clock device that are still inside retention', async () => {
    const { token } = await s.enrol();
    const november = checkIns(s.checkpoint.id, 40);
    await push(s.app, token, pushBody(november));
    // Five weeks later a device whose clock is 35 days slow sends check-ins: November ids, January corrected times.
    s.clock.now = T0 + 35 * DAY;
    const slow = sampleCheckIns({ checkpointId: s.checkpoint.id, count: 6, startTime: T0 - 60_000, seed: 11 });
    await push(s.app, token, pushBody(slow, { sentAt: T0 }));
    expect((await rowsByPartition()).checkins_y2026m11).toBe(46);

    const { retentionDays } = await getSettings(s.db);
    const result = await purgeExpired(s.db, Date.UTC(2026, 11, 15) + retentionDays * DAY);
    expect(result).toMatchObject({ partitions: 1, checkins: 40 });
    expect(await rowsByPartition()).toEqual({ checkins_default: 6 });
    const left = await s.db.selectFrom('checkins').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(slow.map((c) => c.id).sort());
  });
});
