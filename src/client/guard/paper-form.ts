/** Validates a paper-sheet row as typed by the guard: sheet and row numbers and real visit times. */
import type { MessageKey } from '../i18n/dict';

export interface PaperFields {
  sheet: string;
  row: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  timeIn: string;
  /** `HH:MM` or empty */
  timeOut: string;
}

/** Local time of `date` at `time`, ms; null when either is malformed. */
export function localTime(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !tm) return null;
  const [hh, mm] = [Number(tm[1]), Number(tm[2])];
  if (hh > 23 || mm > 59) return null;
  const at = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hh, mm, 0, 0);
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}

/** The sheet, row and times of a paper row, or the first problem found. */
export function paperFromFields(fields: PaperFields, now: number): { sheet: string; row: number; timeIn: number; timeOut?: number } | { error: MessageKey } {
  const sheet = fields.sheet.trim();
  const row = Number(fields.row);
  if (!sheet || !Number.isInteger(row) || row < 1 || row > 10_000) return { error: 'paper.invalidRow' };
  const timeIn = localTime(fields.date, fields.timeIn);
  if (timeIn === null || timeIn > now + 5 * 60_000) return { error: 'paper.invalidTime' };
  if (!fields.timeOut.trim()) return { sheet, row, timeIn };
  const timeOut = localTime(fields.date, fields.timeOut);
  if (timeOut === null || timeOut < timeIn) return { error: 'paper.invalidTime' };
  return { sheet, row, timeIn, timeOut };
}
