/**
 * Export files: XLSX (one sheet per table, Vietnamese headers) and CSV (UTF-8 with BOM so Excel
 * reads Vietnamese). Server side only: exceljs never reaches the PWA bundle.
 */
import ExcelJS from 'exceljs';
import type { ExportTable } from './export-rows';

/** An XLSX workbook with one sheet per table. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trạm QR';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((col, i) => {
      const widest = Math.max(...[table.headers[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length));
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string | number): string {
  const s = String(value);
  // A leading = + - @ would make Excel evaluate the cell: prefix a quote (CSV injection).
  const safe = /^[=+\-@]/.test(s) && typeof value === 'string' ? `'${s}` : s;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One table as CSV text: UTF-8 with a BOM, CRLF line ends. */
export function toCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
