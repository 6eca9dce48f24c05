/**
 * The server's only CSV writer (dashboard tables, trace exports): UTF-8 with a BOM (so Excel reads
 * Vietnamese), CRLF lines, quoted fields. Every text cell that a spreadsheet could run as a formula,
 * i.e. whose first non-blank character is = + - @ or which starts with a tab, CR or LF, is defused
 * with a leading apostrophe: phone numbers like +84… therefore arrive as text. Numbers are numbers.
 */

export type Cell = string | number | null | undefined;

const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@])/;

/** One CSV cell. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Today's date in Vietnam, `YYYY-MM-DD`, for the file names of exports (a file made at 06:00 in Vietnam is today's).
 */
export function localDateStamp(now: number): string {
  return new Date(Math.floor((now + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
