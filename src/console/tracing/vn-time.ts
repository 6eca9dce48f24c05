/** Short times for the tracing tables. */

/** A time as `dd/MM HH:mm` in Vietnam. */
export function vnTime(ms: number): string {
  return new Date(ms).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
