import { describe, expect, it } from 'vitest';
import { identitiesFrom, mergeKeys } from '../../../src/server/tracing/identity';
import { caseTimeline, firstRing } from '../../../src/server/tracing/trace';
import { buildZone } from '../../../src/server/tracing/zone';
import { at, checkIn, rules } from './timeline';

describe('narrow zone', () => {
  it('groups the case checkpoints and windows by commune with contact counts', () => {
    const r = rules(10);
    const events = [
      checkIn('case', 'market', at('07:00')), // 06:50–08:10 widened
      checkIn('case', 'market', at('16:00')),
      checkIn('case', 'office', at('09:00')),
      checkIn('case', 'school', at('11:00')),
      checkIn('a', 'market', at('07:30')),
      checkIn('b', 'market', at('07:40')),
      checkIn('b', 'market', at('16:30')),
      checkIn('c', 'office', at('09:30')),
    ];
    const ids = identitiesFrom([]);
    const stays = caseTimeline(
      events.filter((e) => e.personKey === 'case'),
      { start: at('00:00'), end: at('23:59') },
      r,
    );
    const contacts = firstRing(stays, events, r, ids);
    const unit: Record<string, string> = { market: 'dan-luc', office: 'dan-luc', school: 'tho-dan' };
    const zone = buildZone(stays, contacts, r.bufferMs, (cp) => unit[cp] ?? '?');
    expect(zone).toEqual([
      {
        unitId: 'dan-luc',
        contacts: 3,
        windows: 3,
        checkpoints: [
          {
            checkpointId: 'market',
            contacts: 2,
            windows: [
              { start: at('06:50'), end: at('08:10'), contacts: 2 },
              { start: at('15:50'), end: at('17:10'), contacts: 1 },
            ],
          },
          { checkpointId: 'office', contacts: 1, windows: [{ start: at('08:50'), end: at('10:10'), contacts: 1 }] },
        ],
      },
      {
        unitId: 'tho-dan',
        contacts: 0,
        windows: 1,
        checkpoints: [
          { checkpointId: 'school', contacts: 0, windows: [{ start: at('10:50'), end: at('12:10'), contacts: 0 }] },
        ],
      },
    ]);
  });
});

describe('identity merges', () => {
  it('joins groups order-independently and keeps every key of a merged group', () => {
    const first = mergeKeys([], ['phone:0912', 'cccd:1']);
    const second = mergeKeys(first, ['masked:1|an|1990', 'phone:0912']);
    const ids = identitiesFrom(second);
    expect(ids.groupOf('masked:1|an|1990')).toBe(ids.groupOf('cccd:1'));
    expect(ids.keysOf('phone:0912')).toEqual(['cccd:1', 'masked:1|an|1990', 'phone:0912']);
    expect(identitiesFrom([]).keysOf('name:x|?')).toEqual(['name:x|?']);
  });
});
