/**
 * Importing the district's communes from CSV: header `code,name[,parent_code][,level]`. Existing codes
 * are renamed, new ones created under the given parent (default: the district, when there is exactly one).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database';
import { insertUnit, listUnits, renameUnit } from '../db/units-repo';
import type { UnitLevel } from '../domain/types';

interface ImportResult {
  created: number;
  renamed: number;
  unchanged: number;
}

export class UnitImportError extends Error {}

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF, BOM handled). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

const LEVELS: readonly UnitLevel[] = ['province', 'district', 'commune'];

/** Imports units from CSV text in one transaction; throws UnitImportError with a line number on bad input. */
export async function importUnits(db: Db, csv: string): Promise<ImportResult> {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new UnitImportError('the file is empty');
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const [iCode, iName, iParent, iLevel] = [col('code'), col('name'), col('parent_code'), col('level')];
  if (iCode === -1 || iName === -1) throw new UnitImportError('the header must name the columns code and name');
  if (rows.length > 5_000) throw new UnitImportError('more than 5000 rows');

  return db.transaction().execute(async (trx) => {
    const units = await listUnits(trx);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const districts = units.filter((u) => u.level === 'district');
    const result: ImportResult = { created: 0, renamed: 0, unchanged: 0 };
    for (const [index, row] of rows.entries()) {
      const line = index + 2;
      const code = row[iCode] ?? '';
      const name = row[iName] ?? '';
      const level = (iLevel === -1 ? 'commune' : row[iLevel] || 'commune') as UnitLevel;
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(code))
        throw new UnitImportError(`line ${line}: code must be 1–32 letters, digits, - or _`);
      if (name.length === 0 || name.length > 120)
        throw new UnitImportError(`line ${line}: name must be 1–120 characters`);
      if (!LEVELS.includes(level))
        throw new UnitImportError(`line ${line}: level must be province, district or commune`);
      const existing = byCode.get(code);
      if (existing) {
        if (existing.name === name) result.unchanged++;
        else {
          await renameUnit(trx, existing.id, name);
          result.renamed++;
        }
        continue;
      }
      const parentCode = iParent === -1 ? '' : (row[iParent] ?? '');
      const parent = parentCode ? byCode.get(parentCode) : districts.length === 1 ? districts[0] : undefined;
      if (!parent && level !== 'province')
        throw new UnitImportError(`line ${line}: unknown parent_code "${parentCode.slice(0, 40)}"`);
      const unit = { id: uuidv7(), parentId: parent?.id ?? null, level, name, code };
      await insertUnit(trx, unit);
      byCode.set(code, unit);
      result.created++;
    }
    return result;
  });
}
