/**
 * CSV for spreadsheet users: UTF-8 with a BOM (so Excel reads Vietnamese), CRLF lines, quoted
 * fields, and cells that a spreadsheet would run as a formula defused with a leading apostrophe.
 */

export type Cell = string | number | null | undefined;

/** One CSV cell. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || /^[+-][^\d\s]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
