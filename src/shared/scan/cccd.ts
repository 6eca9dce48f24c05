/**
 * The chip-based citizen ID card (CCCD) QR: `number|oldId|name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy`,
 * plus the variants seen in the wild (see README). Parsed by position, never rejected for a bad name or date.
 */
import type { Gender, Person } from '../protocol';
import { readDayMonthYear } from './dates';
import { addressHasDroppedLetters, nameHasDroppedLetters } from './dropped-letters';
import { hasMojibake } from './mojibake';
import { readGender, readIdLike } from './fields';
import { prepareScan, splitFields, trimScanText, unknownScan } from './input';
import { applyBirth, uniqueWarnings } from './person';
import { readAddress, readName } from './text';
import type { ScanResult, ScanWarning } from './types';

const CCCD_NUMBER = /^\d{12}$/;
const ISO_DATE_SHAPE = /^\d{4}-(\d{2}|\*\*)-(\d{2}|\*\*)$/;

/** Facts encoded in a 12-digit CCCD number: birth-registration province, gender, birth year. */
interface CccdFacts {
  /** Digits 1–3, e.g. `038` = Thanh Hóa. */
  provinceCode: string;
  gender: Extract<Gender, 'male' | 'female'>;
  birthYear: number;
}

/** Reads province, gender and birth year out of a 12-digit CCCD number (null when not 12 digits). */
export function cccdFacts(number: string): CccdFacts | null {
  const s = trimScanText(number);
  if (!CCCD_NUMBER.test(s)) return null;
  const code = Number(s.charAt(3));
  return {
    provinceCode: s.slice(0, 3),
    gender: code % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(code / 2) * 100 + Number(s.slice(4, 6)),
  };
}

/**
 * True when split fields look like a CCCD payload: ≥6 fields, 12-digit first, and not the national QR's date/0-1 shape.
 */
export function isCccdShape(fields: readonly string[]): boolean {
  if (fields.length < 6 || !CCCD_NUMBER.test(fields[0] ?? '')) return false;
  return !(ISO_DATE_SHAPE.test(fields[2] ?? '') && /^[01]$/.test(fields[3] ?? ''));
}

/**
 * True when a keyboard-wedge buffer holds a whole CCCD payload (for scanners that send no Enter):
 * ≥6 `|` and ending in an 8-digit issue date (trailing empty fields of 2024 cards allowed),
 * or the 6-field chat form (≥5 `|`) ending in dd/MM/yyyy; the first field must be 12 digits.
 */
export function isCompleteCccdPayload(text: string): boolean {
  const s = trimScanText(text);
  if (s.length > 2000 || !/^\d{12}\s*\|/.test(s)) return false;
  const pipes = s.split('|').length - 1;
  if (pipes >= 6 && /\|\s*\d{8}[\s|]*$/.test(s)) return true;
  return pipes >= 5 && /\|\s*\d{1,2}\/\d{1,2}\/\d{4}$/.test(s);
}

/** True when a CCCD address shows scanner damage: `?`, U+FFFD, mojibake left over, or words that lost their vowels. */
function isGarbledAddress(address: string): boolean {
  return (
    address.includes('?') || address.includes('\ufffd') || hasMojibake(address) || addressHasDroppedLetters(address)
  );
}

const DATEISH = /^(\d{8}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/;

/** The chat-app re-export drops the old-ID field: `number|name|dd/MM/yyyy|gender|address|dd/MM/yyyy`. */
function isChatLayout(fields: readonly string[]): boolean {
  const [, f1 = '', f2 = '', f3 = ''] = fields;
  if (DATEISH.test(f2) && !DATEISH.test(f3)) return true;
  if (DATEISH.test(f3)) return false;
  return !/^\d*$/.test(f1);
}

/** Parses a CCCD QR payload into a `cccd` result, or `unknown` when it is not one. Total. */
export function parseCccd(text: string): ScanResult {
  const prep = prepareScan(text);
  if (!prep.ok) return prep.result;
  const fields = splitFields(prep.text);
  if (!isCccdShape(fields)) return unknownScan('unrecognised');
  const chat = isChatLayout(fields);
  const at = (i: number): string => fields[chat && i >= 1 ? i - 1 : i] ?? '';
  const number = fields[0] ?? '';
  const warnings: ScanWarning[] = [];

  const { name, warnings: nameWarnings } = readName(at(2));
  warnings.push(...nameWarnings);
  // A CCCD name is Vietnamese: a word without a vowel means the scanner dropped letters.
  if (nameHasDroppedLetters(name)) warnings.push('name_garbled');
  const person: Person = { name, idNumber: number };

  applyBirth(person, readDayMonthYear(at(3)), warnings);

  const gender = readGender(at(4));
  if (gender === 'unreadable') warnings.push('bad_gender');
  else if (gender !== null) person.gender = gender;

  const address = readAddress(at(5));
  warnings.push(...address.warnings);
  if (address.address !== undefined) {
    person.address = address.address;
    if (isGarbledAddress(address.address)) warnings.push('address_garbled');
  }

  const issue = readDayMonthYear(at(6));
  if (issue.kind === 'bad') warnings.push('bad_issue_date');

  let oldId: string | null = null;
  if (!chat) {
    const read = readIdLike(at(1), 'plain');
    if (read === 'bad') warnings.push('bad_old_id');
    else oldId = read;
  }

  const facts = cccdFacts(number);
  if (facts && person.gender !== undefined && person.gender !== facts.gender) warnings.push('id_gender_mismatch');
  if (facts && person.birthYear !== undefined && person.birthYear !== facts.birthYear)
    warnings.push('id_year_mismatch');

  return {
    kind: 'cccd',
    person,
    oldId,
    issueDate: issue.kind === 'ok' ? issue.iso : null,
    warnings: uniqueWarnings(warnings),
  };
}
