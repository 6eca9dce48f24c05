import { describe, expect, it } from 'vitest';
import type { LocalCheckIn } from '../../../src/client/data';
import { paperFromFields } from '../../../src/client/guard/paper-form';
import { matchesQuery, summarizeToday } from '../../../src/client/guard/today-summary';
import { makeCheckIn } from '../../support/make-checkin';

const local = (c: ReturnType<typeof makeCheckIn>, status: LocalCheckIn['status'] = 'pending'): LocalCheckIn => ({
  checkIn: c,
  status,
  savedAt: c.deviceTime,
});

describe('today at the checkpoint', () => {
  it('pairs departures with arrivals and counts who is inside and by source', () => {
    const a = makeCheckIn(0, { source: 'cccd' });
    const b = makeCheckIn(1, { source: 'paper' });
    const out = makeCheckIn(2, { kind: 'out', ref: a.id });
    const summary = summarizeToday([local(a, 'synced'), local(b), local(out)], a.deviceTime + 3600_000);
    expect(summary).toMatchObject({ total: 2, inside: 1, bySource: { cccd: 1, paper: 1 } });
    expect(summary.rows.find((r) => r.arrival.checkIn.id === a.id)?.departure?.id).toBe(out.id);
  });

  it('finds people by name without diacritics, by phone and by ID digits', () => {
    const person = { name: 'Nguyễn  Thị Hương', phone: '0912 345 678', idNumber: '038187001234' };
    expect(matchesQuery(person, 'nguyen thi huong')).toBe(true);
    expect(matchesQuery(person, 'HƯƠNG')).toBe(true);
    expect(matchesQuery(person, '345678')).toBe(true);
    expect(matchesQuery(person, '001234')).toBe(true);
    expect(matchesQuery(person, 'lan')).toBe(false);
  });
});

describe('paper rows', () => {
  const now = new Date(2026, 10, 28, 12, 0).getTime();
  it('reads real local times and refuses impossible ones', () => {
    expect(paperFromFields({ sheet: 'A', row: '2', date: '2026-11-28', timeIn: '07:30', timeOut: '' }, now)).toEqual({
      sheet: 'A',
      row: 2,
      timeIn: new Date(2026, 10, 28, 7, 30).getTime(),
    });
    expect(
      paperFromFields({ sheet: 'A', row: '2', date: '2026-11-28', timeIn: '09:00', timeOut: '08:00' }, now),
    ).toEqual({ error: 'paper.outBeforeIn', params: { in: '09:00', out: '08:00' } });
    expect(paperFromFields({ sheet: 'A', row: '2', date: '2026-11-28', timeIn: '25:00', timeOut: '' }, now)).toEqual({
      error: 'paper.invalidTime',
    });
    expect(paperFromFields({ sheet: 'A', row: '2', date: '2026-11-28', timeIn: '13:00', timeOut: '' }, now)).toEqual({
      error: 'paper.futureTime',
      params: { time: '13:00', date: '28/11/2026', now: '12:00' },
    });
    expect(paperFromFields({ sheet: '', row: '2', date: '2026-11-28', timeIn: '07:00', timeOut: '' }, now)).toEqual({
      error: 'paper.invalidRow',
    });
  });
});
