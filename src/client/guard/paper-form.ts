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
function localTime(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !tm) return null;
  const [hh, mm] = [Number(tm[1]), Number(tm[2])];
  if (hh > 23 || mm > 59) return null;
  const at = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hh, mm, 0, 0);
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}

/** A problem with a typed row: the message, and for a future time what was typed and the time now. */
export type PaperProblem = { error: MessageKey; params?: Record<string, string> };

const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};
const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');

/** The sheet, row and times of a paper row, or the first problem found. */
export function paperFromFields(
  fields: PaperFields,
  now: number,
): { sheet: string; row: number; timeIn: number; timeOut?: number } | PaperProblem {
  const sheet = fields.sheet.trim();
  const row = Number(fields.row);
  if (!sheet || !Number.isInteger(row) || row < 1 || row > 10_000) return { error: 'paper.invalidRow' };
  const timeIn = localTime(fields.date, fields.timeIn);
  if (timeIn === null) return { error: 'paper.invalidTime' };
  if (timeIn > now + 5 * 60_000)
    return {
      error: 'paper.futureTime',
      params: { time: fields.timeIn.trim(), date: ddmmyyyy(fields.date), now: hhmm(now) },
    };
  if (!fields.timeOut.trim()) return { sheet, row, timeIn };
  const timeOut = localTime(fields.date, fields.timeOut);
  if (timeOut === null) return { error: 'paper.invalidTime' };
  if (timeOut < timeIn)
    return { error: 'paper.outBeforeIn', params: { in: fields.timeIn.trim(), out: fields.timeOut.trim() } };
  if (timeOut > now + 5 * 60_000)
    return {
      error: 'paper.futureTime',
      params: { time: fields.timeOut.trim(), date: ddmmyyyy(fields.date), now: hhmm(now) },
    };
  return { sheet, row, timeIn, timeOut };
}
