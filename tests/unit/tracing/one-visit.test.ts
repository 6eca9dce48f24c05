/**
 * Data already in the field holds double saves (one card stored twice a few ms apart, the check-out
 * closing only one) and visitors "inside" two checkpoints at once. Tracing must count one visit and
 * end a stay at the person's next check-in elsewhere — through the production path (stored check-in →
 * trace event → stays → F1).
 */
import { describe, expect, it } from 'vitest';
import { toStoredCheckIn } from '../../../src/server/domain/stored-checkin';
import { identitiesFrom } from '../../../src/server/tracing/identity';
import { buildStays } from '../../../src/server/tracing/stays';
import { caseTimeline, firstRing } from '../../../src/server/tracing/trace';
import type { TraceEvent } from '../../../src/server/tracing/types';
import { makeCheckIn } from '../../support/make-checkin';
import { MIN, at, checkIn, checkOut, rules } from './timeline';
import { throughDatabase } from './through-db';

const DAY = { start: at('00:00'), end: at('00:00', 29) };
const withWindow = (min = 10) => ({ ...rules(), repeatWindowMs: min * MIN });

/** F1 of `caseKey` as [person, overlap minutes]. */
function f1(caseKey: string, events: TraceEvent[]): [string, number][] {
  const r = withWindow();
  const ids = identitiesFrom([]);
  const stays = caseTimeline(
    events.filter((e) => e.personKey === caseKey),
    DAY,
    r,
  );
  return firstRing(stays, events, r, ids).map((c) => [c.personId, c.overlapMs / MIN]);
}

describe('one scan, one visit in tracing', () => {
  it('merges a card saved twice 7 ms apart into one stay, closed by the check-out of either copy', () => {
    const first = checkIn('cccd:1', 'A', at('09:00'));
    const second = checkIn('cccd:1', 'A', at('09:00') + 7);
    const stays = buildStays([first, second, checkOut(second, at('09:12'))], withWindow());
    expect(stays).toHaveLength(1);
    expect(stays[0]).toMatchObject({ checkinId: first.id, start: at('09:00'), end: at('09:12'), endKnown: true });
  });

  it('keeps two visits when the first was closed before the second arrival, or the window had passed', () => {
    const a = checkIn('cccd:1', 'A', at('09:00'));
    const b = checkIn('cccd:1', 'A', at('09:05'));
    expect(buildStays([a, checkOut(a, at('09:02')), b], withWindow())).toHaveLength(2);
    const c = checkIn('cccd:2', 'A', at('09:00'));
    const d = checkIn('cccd:2', 'A', at('09:27'));
    expect(buildStays([c, d], withWindow())).toHaveLength(2);
  });

  it('turns 15 phantom 60-minute contacts back into 12-minute visitors', () => {
    const caseIn = checkIn('case', 'A', at('09:00'));
    const events: TraceEvent[] = [caseIn, checkOut(caseIn, at('10:30'))];
    for (let i = 0; i < 15; i++) {
      const t = at('09:00') + i * 5 * MIN;
      const copyA = checkIn(`cccd:v${i}`, 'A', t);
      const copyB = checkIn(`cccd:v${i}`, 'A', t + 9);
      events.push(copyA, copyB, checkOut(copyB, t + 12 * MIN));
    }
    const contacts = f1('case', events);
    expect(contacts).toHaveLength(15);
    expect(contacts.every(([, minutes]) => minutes === 12)).toBe(true);
  });

  it('ends an open visit at the person’s next check-in at another checkpoint', () => {
    const caseIn = checkIn('case', 'A', at('09:30'));
    const events = [
      caseIn,
      checkOut(caseIn, at('09:45')),
      checkIn('cccd:x', 'A', at('09:00')), // no check-out: 60 min by default, but at B from 09:20
      checkIn('cccd:x', 'B', at('09:20')),
      checkIn('cccd:y', 'A', at('09:10')), // really still at A
    ];
    expect(f1('case', events)).toEqual([['cccd:y', 15]]);
    const xStays = buildStays(
      events.filter((e) => e.personKey === 'cccd:x'),
      withWindow(),
    );
    expect(xStays.map((s) => [s.checkpointId, (s.end - s.start) / MIN])).toEqual([
      ['A', 20],
      ['B', 60],
    ]);
  });

  it('reads double saves stored in SQLite the same way (production data path)', async () => {
    const receipt = { deviceId: 'd', receivedAt: at('09:30'), clockOffsetMs: 0 };
    const base = makeCheckIn(1);
    const one = { ...base, checkpointId: 'A', deviceTime: at('09:00') };
    const two = { ...makeCheckIn(2), checkpointId: 'A', deviceTime: at('09:00') + 8, person: base.person };
    const out = {
      ...makeCheckIn(3),
      checkpointId: 'A',
      kind: 'out' as const,
      ref: two.id,
      deviceTime: at('09:15'),
      person: base.person,
    };
    const events = await throughDatabase([one, two, out].map((c) => toStoredCheckIn(c, receipt)));
    const stays = buildStays(events, withWindow());
    expect(stays.map((s) => [(s.end - s.start) / MIN, s.endKnown])).toEqual([[15, true]]);
  });
});
