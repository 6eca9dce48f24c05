/**
 * One scan, one visit at the data layer: the repeat check and the save are one IndexedDB transaction, so two
 * writers that share no queue (two tabs of a browser without Web Locks) still save one arrival between them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDb, listSince, useDatabase, type ViewCheckIn } from '../../../src/client/data';
import { recordChecked } from '../../../src/client/data/checkins';
import type { CheckIn } from '../../../src/shared/protocol';
import { makeCheckIn } from '../../support/make-checkin';

const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);
const AN = { name: 'Nguyễn Văn An', idNumber: '038095001234' };

/** An arrival of An, unless An is already inside (an arrival with no departure naming it). */
const arriveUnlessInside = (arrival: CheckIn) => (recent: ViewCheckIn[]) => {
  const inside = recent.some(
    (c) =>
      c.kind === 'in' && c.person.idNumber === AN.idNumber && !recent.some((o) => o.kind === 'out' && o.ref === c.id),
  );
  return inside ? { save: [], result: 'repeat' as const } : { save: [arrival], result: 'saved' as const };
};

let n = 0;
beforeEach(() => useDatabase(new AppDb(`record-tx-${++n}`)));

describe('the repeat check and the save in one transaction', () => {
  it('saves one arrival when two writers with no shared queue read the same card at once', async () => {
    const reads = Array.from({ length: 4 }, (_, i) => ({ ...makeCheckIn(i), person: AN, deviceTime: T0 + i }));
    const outcomes = await Promise.all(reads.map((c) => recordChecked(T0 - 60_000, arriveUnlessInside(c), T0)));
    expect(outcomes.sort()).toEqual(['repeat', 'repeat', 'repeat', 'saved']);
    expect((await listSince(0)).map((l) => [l.checkIn.kind, l.checkIn.person.name])).toEqual([['in', AN.name]]);
  });

  it('saves a new arrival once the earlier visit has ended', async () => {
    const first = { ...makeCheckIn(1), person: AN, deviceTime: T0 };
    expect(await recordChecked(T0 - 60_000, arriveUnlessInside(first), T0)).toBe('saved');
    const out: CheckIn = { ...makeCheckIn(2), kind: 'out', ref: first.id, person: AN, deviceTime: T0 + 60_000 };
    expect(await recordChecked(T0 - 60_000, () => ({ save: [out], result: 'out' }), T0)).toBe('out');
    const again = { ...makeCheckIn(3), person: AN, deviceTime: T0 + 120_000 };
    expect(await recordChecked(T0 - 60_000, arriveUnlessInside(again), T0)).toBe('saved');
    expect((await listSince(0)).map((l) => l.checkIn.kind)).toEqual(['in', 'out', 'in']);
  });
});
