/**
 * Outbreak calendar arithmetic in Vietnam time (UTC+7, no daylight saving): day keys, follow-up day
 * numbers, the infectious window rule and the end of a follow-up. Pure functions.
 */
import type { OutbreakSettings } from '../../shared/outbreak-api';

export const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** The Vietnam calendar day of a moment, `YYYY-MM-DD`. */
export function dayKey(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (Vietnam time) starting this day key, ms. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS;
}

/** Every day key from `from` to `to`, inclusive. */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = dayStart(from); t <= dayStart(to); t += DAY_MS) out.push(dayKey(t));
  return out;
}

/** The Vietnam day of a moment as a whole number of days since the epoch (arithmetic only: hot loops use it). */
export function dayIndex(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** Follow-up day number on `day` (1 = the day after the last exposure). */
export function followupDay(lastExposure: number, day: string): number {
  return dayIndex(dayStart(day)) - dayIndex(lastExposure);
}

/** The infectious window by the district rule: N days before onset (or the test), until isolation. */
export function infectiousWindow(
  c: { confirmedAt: number; onsetAt: number | null; isolatedAt: number | null },
  s: Pick<OutbreakSettings, 'infectiousDaysBefore'>,
): { start: number; end: number } {
  const from = c.onsetAt ?? c.confirmedAt;
  const start = dayStart(dayKey(from)) - s.infectiousDaysBefore * DAY_MS;
  const end = Math.max(c.isolatedAt ?? c.confirmedAt, start + 3_600_000);
  return { start, end: Math.min(end, start + 31 * DAY_MS) };
}

/** When a follow-up from this last exposure ends: the end of its last day. */
export function followupEnd(lastExposure: number, s: Pick<OutbreakSettings, 'followUpDays'>): number {
  return dayStart(dayKey(lastExposure)) + (s.followUpDays + 1) * DAY_MS;
}
