import { describe, expect, it } from 'vitest';
import { toStoredCheckIn } from '../../../src/server/domain/stored-checkin';
import { identitiesFrom, mergeKeys } from '../../../src/server/tracing/identity';
import { caseTimeline, firstRing, secondRing } from '../../../src/server/tracing/trace';
import type { TraceEvent } from '../../../src/server/tracing/types';
import { MIN, at, checkIn, checkOut, rules } from './timeline';
import { throughDatabase } from './through-db';

const DAY = { start: at('00:00'), end: at('00:00', 29) };
const none = identitiesFrom([]);

/** F1 of a case as [person, overlap minutes], most exposed first. */
function f1(caseKey: string, events: TraceEvent[], bufferMin = 0, window = DAY, ids = none): [string, number][] {
  const r = rules(bufferMin);
  const stays = caseTimeline(
    events.filter((e) => ids.groupOf(e.personKey) === ids.groupOf(caseKey)),
    window,
    r,
  );
  return firstRing(stays, events, r, ids).map((c) => [c.personId, c.overlapMs / MIN]);
}

describe('F1 overlap', () => {
  it('finds exactly the people present at the same checkpoint at the same time', () => {
    const caseIn = checkIn('case', 'A', at('08:00'));
    const events = [
      caseIn,
      checkOut(caseIn, at('09:00')),
      checkIn('x', 'A', at('08:30')), // open until 09:30 → 30 min with the case
      checkIn('early', 'A', at('06:00')), // open until 07:00 → before the case
      checkIn('other-place', 'B', at('08:30')),
      checkIn('after', 'A', at('09:00')), // arrives exactly as the case leaves: no positive overlap
    ];
    expect(f1('case', events)).toEqual([['x', 30]]);
  });

  it('widens the case stay by the buffer on both sides', () => {
    const caseIn = checkIn('case', 'A', at('08:00'));
    const events = [
      caseIn,
      checkOut(caseIn, at('09:00')),
      checkIn('y', 'A', at('09:10')), // within a 15-min buffer after the case left: 5 min
      checkIn('z', 'A', at('09:20')), // outside the buffer
      checkIn('w', 'A', at('06:50')), // open until 07:50, buffer from 07:45: 5 min
    ];
    expect(f1('case', events, 15)).toEqual([
      ['w', 5],
      ['y', 5],
    ]);
    expect(f1('case', events, 0)).toEqual([]);
  });

  it('uses the default stay of an open case stay, and counts one overlap once when a contact checked in twice', () => {
    const events = [
      checkIn('case', 'A', at('10:00')), // open: 10:00–11:00
      checkIn('p', 'A', at('10:15')), // open: 10:15–11:15 → 45
      checkIn('p', 'A', at('10:30')), // repeat scan, same presence: no double counting
      checkIn('q', 'A', at('10:50')), // → 10
    ];
    expect(f1('case', events)).toEqual([
      ['p', 45],
      ['q', 10],
    ]);
  });

  it('handles stays across midnight', () => {
    const caseIn = checkIn('case', 'A', at('23:30', 27));
    const events = [
      caseIn,
      checkOut(caseIn, at('00:30', 28)),
      checkIn('night', 'A', at('00:10', 28)), // until 01:10 → 20 min
      checkIn('evening', 'A', at('23:00', 27)), // until 00:00 → 30 min
    ];
    // The window starts at midnight: the case stay that began the evening before still counts.
    expect(f1('case', events)).toEqual([
      ['evening', 30],
      ['night', 20],
    ]);
  });

  it('lines up devices by corrected time, not by their wrong clocks', async () => {
    const receipt = (offsetMin: number) => ({ deviceId: 'd', receivedAt: at('12:00'), clockOffsetMs: offsetMin * MIN });
    const person = (name: string, idNumber: string) => ({ name, idNumber });
    const stored = [
      // Guard 1's clock is right; the case is there 08:00–09:00 (open stay).
      toStoredCheckIn(
        {
          id: 'c1',
          checkpointId: 'A',
          kind: 'in',
          source: 'cccd',
          deviceTime: at('08:00'),
          person: person('Ca Bệnh', '038095000001'),
        },
        receipt(0),
      ),
      // Guard 2 (same checkpoint) runs two hours slow: its 06:30 is really 08:30.
      toStoredCheckIn(
        {
          id: 'c2',
          checkpointId: 'A',
          kind: 'in',
          source: 'cccd',
          deviceTime: at('06:30'),
          person: person('Lê Thị Bình', '038095000002'),
        },
        receipt(120),
      ),
      // Guard 3 runs two hours fast: its 10:30 is really 08:30.
      toStoredCheckIn(
        {
          id: 'c3',
          checkpointId: 'A',
          kind: 'in',
          source: 'cccd',
          deviceTime: at('10:30'),
          person: person('Trần Văn Cường', '038095000003'),
        },
        receipt(-120),
      ),
      // Its device says 08:30, but that clock runs 3 hours slow: really 11:30, long after the case left.
      toStoredCheckIn(
        {
          id: 'c4',
          checkpointId: 'A',
          kind: 'in',
          source: 'cccd',
          deviceTime: at('08:30'),
          person: person('Phạm Thị Dung', '038095000004'),
        },
        receipt(180),
      ),
    ];
    const events = await throughDatabase(stored);
    expect(events[1]?.skewed).toBe(true);
    expect(f1('cccd:038095000001', events)).toEqual([
      ['cccd:038095000002', 30],
      ['cccd:038095000003', 30],
    ]);
  });

  it('treats merged person keys as one person, on the case side and the contact side', () => {
    const events = [
      checkIn('cccd:038095000001', 'A', at('08:00')), // the case by CCCD scan
      checkIn('masked:000001|ca benh|1995', 'B', at('14:00')), // the case by national QR elsewhere
      checkIn('phone:0912000111', 'A', at('08:30')), // contact on a paper row → 30
      checkIn('cccd:038095000009', 'B', at('14:20')), // the same contact by CCCD → 40
    ];
    const merges = [...mergeKeys([], ['cccd:038095000001', 'masked:000001|ca benh|1995'])];
    const ids = identitiesFrom([...merges, ...mergeKeys(merges, ['phone:0912000111', 'cccd:038095000009'])]);
    expect(f1('cccd:038095000001', events, 0, DAY, ids)).toEqual([['cccd:038095000009', 70]]);
    // Unmerged, the case's national-QR visit is invisible and the contact is two people.
    expect(f1('cccd:038095000001', events)).toEqual([['phone:0912000111', 30]]);
  });

  it('only uses the case stays inside the infectious window', () => {
    const events = [
      checkIn('case', 'A', at('08:00', 20)),
      checkIn('old', 'A', at('08:10', 20)),
      checkIn('case', 'A', at('08:00')),
      checkIn('new', 'A', at('08:40')),
    ];
    expect(f1('case', events, 0, { start: at('00:00', 25), end: at('00:00', 29) })).toEqual([['new', 20]]);
  });
});

describe('F2', () => {
  it('lists contacts of the contacts within the window, never the case or F1 again', () => {
    const r = rules(0);
    const events = [
      checkIn('case', 'A', at('08:00')),
      checkIn('x', 'A', at('08:30')), // F1 (30)
      checkIn('y', 'A', at('08:45')), // F1 (15)
      checkIn('x', 'C', at('13:00')), // x later at C
      checkIn('r', 'C', at('13:30')), // F2 via x (30)
      checkIn('case', 'C', at('13:10')), // the case is at C too, but is never F2
      checkIn('y', 'D', at('20:00')),
      checkIn('s', 'D', at('20:50')), // F2 via y (10)
      checkIn('t', 'D', at('21:00')), // y has left by 21:00: not F2
      checkIn('x', 'E', at('08:00', 29)), // outside the window
      checkIn('u', 'E', at('08:10', 29)),
    ];
    const caseStays = caseTimeline(
      events.filter((e) => e.personKey === 'case'),
      DAY,
      r,
    );
    const ring1 = firstRing(
      caseStays,
      events.filter((e) => e.checkpointId === 'A'),
      r,
      none,
    );
    expect(ring1.map((c) => c.personId)).toEqual(['x', 'y']);
    const ring2 = secondRing(
      new Set(['case']),
      ring1,
      events.filter((e) => ['x', 'y'].includes(e.personKey)),
      events,
      DAY,
      r,
      none,
    );
    expect(ring2.map((c) => [c.personId, c.overlapMs / MIN, c.via])).toEqual([
      ['r', 30, ['x']],
      ['s', 10, ['y']],
    ]);
  });
});
