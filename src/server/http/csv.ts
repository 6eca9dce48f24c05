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
