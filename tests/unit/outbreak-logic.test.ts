/**
 * The outbreak's pure rules: commune from an address, Vietnam days, the infectious window, follow-up end, the report's
 * day figures.
 */
import { describe, expect, it } from 'vitest';
import { communeOfAddress } from '../../src/server/outbreak/address-match';
import { dayKey, followupDay, followupEnd, infectiousWindow } from '../../src/server/outbreak/days';
import { figuresOnDay } from '../../src/server/outbreak/report';
import { diffSnapshot } from '../../src/server/outbreak/snapshot-diff';
import type { ContactEntry } from '../../src/shared/tracing-api';

const units = [
  { id: 'dl', name: 'Xã Dân Lực', level: 'commune' },
  { id: 'dly', name: 'Xã Dân Lý', level: 'commune' },
  { id: 'td', name: 'Xã Thọ Dân', level: 'commune' },
  { id: 'nua', name: 'Thị trấn Nưa', level: 'commune' },
  { id: 'ts', name: 'Huyện Triệu Sơn', level: 'district' },
];

describe('commune from an address', () => {
  it('matches with or without diacritics and never takes a shorter neighbour', () => {
    expect(communeOfAddress('Thôn 3, Xã Dân Lực, Triệu Sơn', units)).toBe('dl');
    expect(communeOfAddress('thon 3 xa dan ly', units)).toBe('dly');
    expect(communeOfAddress('Xóm 1, Thọ Dân', units)).toBe('td');
    expect(communeOfAddress('Khu 2, TT Nưa', units)).toBe('nua');
    expect(communeOfAddress('Số 5 Lê Lợi, TP Thanh Hóa', units)).toBeNull();
    expect(communeOfAddress(null, units)).toBeNull();
  });
});

describe('Vietnam days', () => {
  it('counts follow-up days and ends at the end of the last one', () => {
    const exposure = Date.UTC(2026, 10, 27, 20); // 28 Nov 03:00 in Vietnam
    expect(dayKey(exposure)).toBe('2026-11-28');
    expect(followupDay(exposure, '2026-11-29')).toBe(1);
    expect(followupEnd(exposure, { followUpDays: 14 })).toBe(Date.UTC(2026, 11, 12, 17)); // 13 Dec 00:00 Vietnam
  });

  it('starts the window N Vietnam days before onset, or the test without symptoms, and ends at isolation', () => {
    const confirmedAt = Date.UTC(2026, 10, 28, 8);
    expect(infectiousWindow({ confirmedAt, onsetAt: null, isolatedAt: null }, { infectiousDaysBefore: 2 })).toEqual({
      start: Date.UTC(2026, 10, 25, 17),
      end: confirmedAt,
    });
    const onsetAt = Date.UTC(2026, 10, 26, 1);
    expect(
      infectiousWindow({ confirmedAt, onsetAt, isolatedAt: confirmedAt + 3_600_000 }, { infectiousDaysBefore: 3 }),
    ).toEqual({ start: Date.UTC(2026, 10, 22, 17), end: confirmedAt + 3_600_000 });
  });
});

describe('report figures', () => {
  it('counts a follow-up as under follow-up until the day it ends, and its end on that day', () => {
    const start = Date.UTC(2026, 10, 28, 8);
    const input = {
      cases: [{ unitId: 'dl', confirmedAt: start }],
      followups: [
        {
          unitId: 'dl',
          startedAt: start,
          lastExposure: Date.UTC(2026, 10, 27, 3),
          status: 'lost' as const,
          endedAt: Date.UTC(2026, 10, 30, 8),
        },
        {
          unitId: 'dl',
          startedAt: start,
          lastExposure: Date.UTC(2026, 10, 27, 3),
          status: 'active' as const,
          endedAt: null,
        },
      ],
      testsDone: new Map([['2026-11-29', new Map([['dl', 1]])]]),
      testDays: [2],
    };
    expect(figuresOnDay(input, '2026-11-28').get('dl')).toMatchObject({
      newCases: 1,
      underFollowup: 2,
      lost: 0,
      testsDue: 0,
    });
    expect(figuresOnDay(input, '2026-11-29').get('dl')).toMatchObject({
      newCases: 0,
      underFollowup: 2,
      testsDue: 2,
      testsDone: 1,
    });
    expect(figuresOnDay(input, '2026-11-30').get('dl')).toMatchObject({ underFollowup: 1, lost: 1 });
  });
});

describe('snapshot diff', () => {
  const entry = (personId: string, overlapMin: number) => ({ personId, name: personId, overlapMin }) as ContactEntry;
  it('names who is new, gone and changed', () => {
    expect(diffSnapshot([entry('a', 10), entry('b', 5)], [entry('a', 12), entry('c', 7)])).toEqual({
      added: [{ personId: 'c', name: 'c', overlapMin: 7 }],
      removed: [{ personId: 'b', name: 'b' }],
      changed: [{ personId: 'a', name: 'a', before: 10, after: 12 }],
    });
  });
});
