/**
 * Export files: XLSX (one sheet per table, Vietnamese headers) and CSV (the server's one CSV writer,
 * http/csv.ts). Server side only: exceljs never reaches the PWA bundle.
 */
import ExcelJS from 'exceljs';
import { toCsv as csvDocument } from '../http/csv';
import type { ExportTable } from './export-rows';

/** An XLSX workbook with one sheet per table: its title line (if any), then the headers, then the rows. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trạm QR';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet);
    if (table.title !== undefined) {
      sheet.addRow([table.title]).font = { bold: true, size: 13 };
      sheet.mergeCells(1, 1, 1, Math.max(1, table.headers.length));
    }
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((col, i) => {
      const widest = Math.max(
        ...[table.headers[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length),
      );
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: table.title === undefined ? 1 : 2 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as CSV text: UTF-8 with a BOM, CRLF line ends; headers on the first line, never a title. */
export function toCsv(table: ExportTable): Buffer {
  return Buffer.from(csvDocument(table.headers, table.rows), 'utf8');
}
