/**
 * The national personal health QR (PC-Covid, 2021): `SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT`,
 * and the matching key that links a masked national-QR identity to a full CCCD one.
 */
import type { Person } from '../protocol';
import { foldVietnamese } from '../text/fold';
import { readMaskedIsoDate } from './dates';
import { readIdLike } from './fields';
import { prepareScan, splitFields, unknownScan } from './input';
import { applyBirth, uniqueWarnings } from './person';
import { readName } from './text';
import type { ScanResult, ScanWarning } from './types';

/** CheckInSchema keeps at most this much of EXT. */
const MAX_EXT = 500;
/** Visible trailing characters of a national-QR masked ID (12-character CCCD with the first 6 masked). */
const DEFAULT_VISIBLE_DIGITS = 6;

const ISO_DATE_SHAPE = /^\d{4}-(\d{2}|\*\*)-(\d{2}|\*\*)$/;

/**
 * True when split fields look like a national health QR: ≥6 fields and a `*`-masked first field, or a YYYY-MM-DD third
 * and 0/1 fourth field.
 */
export function isNationalShape(fields: readonly string[]): boolean {
  if (fields.length < 6) return false;
  if ((fields[0] ?? '').includes('*')) return true;
  return ISO_DATE_SHAPE.test(fields[2] ?? '') && /^[01]$/.test(fields[3] ?? '');
}

/**
 * Parses a national health QR into a `national` result, or `unknown` when it is not one. Total.
 * The name is kept as read (UPPERCASE, no diacritics); the UI may title-case it for display.
 * EXT (everything after the 5th `|`) is kept verbatim; gender is not read from it (its 0/1/2 meaning is unconfirmed).
 */
export function parseNationalQr(text: string): ScanResult {
  const prep = prepareScan(text);
  if (!prep.ok) return prep.result;
  const fields = splitFields(prep.text);
  if (!isNationalShape(fields)) return unknownScan('unrecognised');
  const [idField = '', nameField = '', birthField = '', byField = '', qid = ''] = fields;
  const warnings: ScanWarning[] = [];

  const { name, warnings: nameWarnings } = readName(nameField);
  warnings.push(...nameWarnings);
  const person: Person = { name };

  const id = readIdLike(idField, 'masked');
  if (id === 'bad') warnings.push('bad_id_number');
  else if (id !== null && id.includes('*')) person.idMasked = id;
  else if (id !== null) person.idNumber = id;

  applyBirth(person, readMaskedIsoDate(birthField), warnings);

  if (byField !== '0' && byField !== '1') warnings.push('bad_declared_by');

  let ext = prep.text.split('|').slice(5).join('|').trim();
  if (ext.length > MAX_EXT) {
    ext = '';
    warnings.push('bad_ext');
  }

  return {
    kind: 'national',
    person,
    declaredBy: byField === '1' ? 'behalf' : 'self',
    qid,
    ext,
    warnings: uniqueWarnings(warnings),
  };
}

/** How many trailing characters a masked ID leaves visible (those after its last `*`). */
export function maskedVisibleDigits(idMasked: string): number {
  const star = idMasked.trim().lastIndexOf('*');
  return idMasked.trim().length - star - 1;
}

/**
 * Key that matches one person across a national-QR scan (masked ID) and a CCCD scan (full ID):
 * `<visible trailing ID characters>|<folded name>|<birth year>`, e.g. `001234|nguyen van an|1995`.
 * Masked IDs give their own visible tail; full IDs give their last `visibleDigits` characters
 * (pass `maskedVisibleDigits(national.idMasked)`; default 6). Null without ID tail, letters in the name, or birth year.
 */
export function maskedIdKey(person: Person, visibleDigits: number = DEFAULT_VISIBLE_DIGITS): string | null {
  let tail = '';
  if (person.idMasked !== undefined && person.idMasked.includes('*')) {
    const masked = person.idMasked.trim();
    tail = masked.slice(masked.lastIndexOf('*') + 1);
  } else if (person.idNumber !== undefined && visibleDigits > 0) {
    const full = person.idNumber.trim();
    if (full.length >= visibleDigits) tail = full.slice(-visibleDigits);
  }
  const name = foldVietnamese(person.name);
  if (tail === '' || !/\p{L}/u.test(name) || person.birthYear === undefined) return null;
  return `${tail.toLowerCase()}|${name}|${person.birthYear}`;
}
