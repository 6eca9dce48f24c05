/**
 * Dates and times in Vietnam time for the console, each formatter made once: `toLocaleString` builds a new one on
 * every call, and a trace's F1 table of thousands of rows formats tens of thousands of times.
 */
const TZ = 'Asia/Ho_Chi_Minh';

const DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A date in Vietnam time, e.g. 27/11/2026. */
export function vnDate(ms: number): string {
  return DATE.format(ms);
}

/** A date and time in Vietnam time (hour, minute, day and month, as the vi-VN locale writes them). */
export function vnDateTime(ms: number): string {
  return DATE_TIME.format(ms);
}
