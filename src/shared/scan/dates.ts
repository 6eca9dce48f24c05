/**
 * Date fields as they appear in scanned payloads, read into `YYYY-MM-DD` without ever throwing.
 */

/** Years a birth or issue date may have (PersonSchema's birthYear range). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Outcome of reading a date field: empty, a valid date, or present but unusable (with its year when plausible). */
export type DateRead =
  { kind: 'empty' } | { kind: 'ok'; iso: string; year: number } | { kind: 'bad'; year: number | null };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** True when the year is within MIN_YEAR..MAX_YEAR. */
function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** True when day/month/year name a real calendar day in the plausible year range. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!isPlausibleYear(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function fromParts(year: number, month: number, day: number): DateRead {
  if (isCalendarDate(year, month, day)) return { kind: 'ok', iso: `${year}-${pad2(month)}-${pad2(day)}`, year };
  return { kind: 'bad', year: isPlausibleYear(year) ? year : null };
}

/** Reads `ddMMyyyy` (CCCD) or `d/M/yyyy` with `/`, `.` or `-` (chat-app copies). */
export function readDayMonthYear(raw: string): DateRead {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  const sep = compact ?? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!sep) return { kind: 'bad', year: null };
  return fromParts(Number(sep[3]), Number(sep[2]), Number(sep[1]));
}

/** Reads `yyyymmdd` or `yyyy` (visitor code); a bare year gives `iso: ''`. */
export function readCompactBirth(raw: string): DateRead {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  if (/^\d{4}$/.test(s)) {
    const year = Number(s);
    return isPlausibleYear(year) ? { kind: 'ok', iso: '', year } : { kind: 'bad', year: null };
  }
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { kind: 'bad', year: null };
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Reads `YYYY-MM-DD` where month and/or day may be masked as `**` (national QR), or a bare `YYYY` (iso ''). */
export function readMaskedIsoDate(raw: string): DateRead {
  const s = raw.trim();
  if (s === '') return { kind: 'empty' };
  if (/^\d{4}$/.test(s)) {
    const year = Number(s);
    return isPlausibleYear(year) ? { kind: 'ok', iso: '', year } : { kind: 'bad', year: null };
  }
  const m = /^(\d{4})-(\d{2}|\*\*)-(\d{2}|\*\*)$/.exec(s);
  if (!m) return { kind: 'bad', year: null };
  const [, y = '', mo = '', d = ''] = m;
  const year = Number(y);
  if (!isPlausibleYear(year)) return { kind: 'bad', year: null };
  if (mo !== '**' && d !== '**') return fromParts(year, Number(mo), Number(d));
  const monthOk = mo === '**' || (Number(mo) >= 1 && Number(mo) <= 12);
  const dayOk =
    d === '**' || (mo === '**' ? Number(d) >= 1 && Number(d) <= 31 : isCalendarDate(year, Number(mo), Number(d)));
  return monthOk && dayOk ? { kind: 'ok', iso: `${y}-${mo}-${d}`, year } : { kind: 'bad', year };
}
