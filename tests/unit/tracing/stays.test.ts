import { describe, expect, it } from 'vitest';
import { buildStays } from '../../../src/server/tracing/stays';
import { MIN, at, checkIn, checkOut, rules } from './timeline';

describe('buildStays', () => {
  it('closes an in with the out that names it', () => {
    const a = checkIn('cccd:1', 'A', at('08:00'));
    const [stay] = buildStays([a, checkOut(a, at('08:40'))], rules());
    expect(stay).toMatchObject({ start: at('08:00'), end: at('08:40'), endKnown: true });
  });

  it('leaves an open stay at the checkpoint default stay', () => {
    const stays = buildStays(
      [checkIn('cccd:1', 'A', at('10:00')), checkIn('cccd:1', 'B', at('11:00'))],
      rules(0, { A: 30, B: 90 }),
    );
    expect(stays.map((s) => [s.checkpointId, (s.end - s.start) / MIN, s.endKnown])).toEqual([
      ['A', 30, false],
      ['B', 90, false],
    ]);
  });

  it("closes with an out that has no ref: the person's latest open in at that checkpoint", () => {
    const early = checkIn('phone:0912', 'A', at('07:00'));
    const late = checkIn('phone:0912', 'A', at('09:00'));
    const other = checkIn('cccd:2', 'A', at('09:05'));
    const stays = buildStays([early, late, other, checkOut(late, at('09:30'), null)], rules());
    const byId = new Map(stays.map((s) => [s.checkinId, s]));
    expect(byId.get(late.id)).toMatchObject({ end: at('09:30'), endKnown: true });
    expect(byId.get(early.id)).toMatchObject({ end: at('08:00'), endKnown: false });
    expect(byId.get(other.id)).toMatchObject({ endKnown: false });
  });

  it('caps a forgotten check-out at the longest believable stay', () => {
    const a = checkIn('cccd:1', 'A', at('08:00', 27));
    const [stay] = buildStays([a, checkOut(a, at('08:00', 28))], rules());
    expect((stay!.end - stay!.start) / MIN).toBe(8 * 60);
  });

  it('spans midnight without splitting the stay', () => {
    const a = checkIn('cccd:1', 'A', at('23:30', 27));
    const [stay] = buildStays([a, checkOut(a, at('00:45', 28))], rules());
    expect(stay).toMatchObject({ start: at('23:30', 27), end: at('00:45', 28) });
  });

  it('marks a stay skewed when its in or its out came from a corrected clock', () => {
    const a = checkIn('cccd:1', 'A', at('08:00'));
    const out = { ...checkOut(a, at('08:20')), skewed: true };
    expect(buildStays([a, out], rules())[0]?.skewed).toBe(true);
  });
});
