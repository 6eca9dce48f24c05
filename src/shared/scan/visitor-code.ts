/**
 * This app's personal visitor QR. Version 1 (UTF-8, byte mode):
 * `TQ1:<visitorId>|<name>|<birth>|<g>|<phone>|<idNumber>|<address>|<decl>|<risk>` (trailing empty fields omitted).
 * `<risk>` (added compatibly: older readers ignore extra fields) is `0`, `s`, `e` or `se`: symptom / exposure signals.
 * Version 2 (`TQ2:`, the same fields in the QR alphanumeric set, see `visitor-code-compact.ts`) is what
 * `encodeVisitorCode` makes whenever it can carry the profile exactly; both are parsed.
 */
import type { Gender, Person } from '../protocol';
import { isCalendarDate, readCompactBirth } from './dates';
import { readGender, readIdLike, readPhone } from './fields';
import { prepareScan, splitFields, unknownScan } from './input';
import { applyBirth, uniqueWarnings } from './person';
import { normaliseText, readAddress, readName } from './text';
import { COMPACT_VISITOR_PREFIX, encodeCompactFields, splitCompactFields } from './visitor-code-compact';
import type { ScanResult, ScanWarning, VisitorDeclaration } from './types';

const VISITOR_PREFIX = 'TQ1:';
/** Crockford-style base32 (no i, l, o, u): what `newVisitorId` draws from. */
export const VISITOR_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const VISITOR_ID_LENGTH = 10;
/** Most yes/no questions a flags bitmask can carry exactly (JS safe integers). */
const MAX_FLAG_QUESTIONS = 52;

/** What a visitor's personal QR carries: the Person fields of one profile plus its stable id. */
export type VisitorProfile = Pick<
  Person,
  'name' | 'birthYear' | 'birthDate' | 'gender' | 'phone' | 'idNumber' | 'address'
> & {
  visitorId: string;
};

const GENDER_LETTER: Record<Gender, string> = { male: 'M', female: 'F', other: 'O' };
const PARSED_ID = /^[0-9a-z]{6,32}$/;

/** Makes a new random visitor id (10 base32 characters, 50 bits); pass `randomBytes` in tests. */
export function newVisitorId(
  randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const bytes = randomBytes(VISITOR_ID_LENGTH);
  let id = '';
  for (let i = 0; i < VISITOR_ID_LENGTH; i++) id += VISITOR_ID_ALPHABET.charAt((bytes[i] ?? 0) & 31);
  return id;
}

/** Packs yes/no answers (questionnaire order) into a declaration's flags: bit i = question i answered yes. */
export function flagsFromAnswers(yes: readonly boolean[]): number {
  let flags = 0;
  for (let i = Math.min(yes.length, MAX_FLAG_QUESTIONS) - 1; i >= 0; i--) flags = flags * 2 + (yes[i] ? 1 : 0);
  return flags;
}

/** Unpacks a declaration's flags into `count` yes/no answers, questionnaire order. */
export function answersFromFlags(flags: number, count: number): boolean[] {
  const answers: boolean[] = [];
  let rest = Number.isSafeInteger(flags) && flags > 0 ? flags : 0;
  for (let i = 0; i < count; i++) {
    answers.push(rest % 2 === 1);
    rest = Math.floor(rest / 2);
  }
  return answers;
}

/** Strips what would break the format (`|`, control characters) and normalises spacing. */
function field(value: string | undefined): string {
  return value === undefined ? '' : normaliseText(value.replace(/\|/g, ' '));
}

function birthField(profile: VisitorProfile): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(profile.birthDate ?? '');
  if (full) return `${full[1]}${full[2]}${full[3]}`;
  const year = profile.birthYear ?? Number(/^(\d{4})-/.exec(profile.birthDate ?? '')?.[1] ?? NaN);
  return Number.isInteger(year) && year >= 1000 && year <= 9999 ? String(year) : '';
}

function declarationField(d: VisitorDeclaration | null | undefined): string {
  if (!d || !isValidDeclaration(d)) return '';
  return `${d.date.replace(/-/g, '')}.${d.version}.${d.flags.toString(16)}`;
}

function riskField(d: VisitorDeclaration | null | undefined): string {
  if (!d || !d.risk || declarationField(d) === '') return '';
  const code = (d.risk.includes('symptom') ? 's' : '') + (d.risk.includes('exposure') ? 'e' : '');
  return code || '0';
}

/** Reads the risk summary field; undefined when absent or not understood (a newer format). */
function readRisk(raw: string): VisitorDeclaration['risk'] {
  const code = raw.trim().toLowerCase();
  if (!/^(0|s|e|se|es)$/.test(code)) return undefined;
  return (['symptom', 'exposure'] as const).filter((k) => code.includes(k === 'symptom' ? 's' : 'e'));
}

function isValidDeclaration(d: VisitorDeclaration): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date);
  return (
    m !== null &&
    isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number.isSafeInteger(d.version) &&
    d.version >= 0 &&
    Number.isSafeInteger(d.flags) &&
    d.flags >= 0
  );
}

/**
 * Builds the personal QR text of a profile (and today's declaration). The profile should pass PersonSchema;
 * `|` and control characters are stripped, a masked birth date is reduced to its year, an invalid declaration is left
 * out.
 */
export function encodeVisitorCode(profile: VisitorProfile, declaration?: VisitorDeclaration | null): string {
  const fields = visitorFields(profile, declaration);
  return encodeCompactFields(fields) ?? VISITOR_PREFIX + fields.join('|');
}

/** Builds the personal QR text in version 1 (UTF-8) only: for tests and for scanners that cannot read version 2. */
export function encodeVisitorCodeV1(profile: VisitorProfile, declaration?: VisitorDeclaration | null): string {
  return VISITOR_PREFIX + visitorFields(profile, declaration).join('|');
}

function visitorFields(profile: VisitorProfile, declaration?: VisitorDeclaration | null): string[] {
  const fields = [
    field(profile.visitorId).toLowerCase(),
    field(profile.name),
    birthField(profile),
    profile.gender ? GENDER_LETTER[profile.gender] : '',
    field(profile.phone),
    field(profile.idNumber),
    field(profile.address),
    declarationField(declaration),
    riskField(declaration),
  ];
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

function readDeclaration(raw: string): VisitorDeclaration | null | 'bad' {
  if (raw === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})\.(\d{1,9})\.([0-9a-f]{1,13})$/i.exec(raw);
  if (!m) return 'bad';
  const [, y = '', mo = '', d = '', version = '', flags = ''] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return 'bad';
  const flagValue = parseInt(flags, 16);
  if (!Number.isSafeInteger(flagValue)) return 'bad';
  return { date: `${y}-${mo}-${d}`, version: Number(version), flags: flagValue };
}

/** True when `text` starts with a personal QR prefix (`TQ1:` or `TQ2:`, any case). */
export function hasVisitorPrefix(text: string): boolean {
  const prefix = text.slice(0, VISITOR_PREFIX.length).toUpperCase();
  return prefix === VISITOR_PREFIX || prefix === COMPACT_VISITOR_PREFIX;
}

/** Parses a personal visitor QR (`TQ1:` or `TQ2:`) into a `visitor` result; `unknown` without a valid id. Total. */
export function parseVisitorCode(text: string): ScanResult {
  const prep = prepareScan(text);
  if (!prep.ok) return prep.result;
  const prefix = prep.text.slice(0, VISITOR_PREFIX.length).toUpperCase();
  const body = prep.text.slice(VISITOR_PREFIX.length);
  const fields =
    prefix === VISITOR_PREFIX ? splitFields(body) : prefix === COMPACT_VISITOR_PREFIX ? splitCompactFields(body) : null;
  if (fields === null) return unknownScan('unrecognised');
  const [
    rawId = '',
    rawName = '',
    rawBirth = '',
    rawGender = '',
    rawPhone = '',
    rawIdNumber = '',
    rawAddress = '',
    rawDecl = '',
    rawRisk = '',
  ] = fields;
  // Caps Lock on a keyboard-wedge scanner upper-cases the id: ids are lowercase by definition.
  const visitorId = rawId.toLowerCase();
  if (!PARSED_ID.test(visitorId)) return unknownScan('unrecognised');
  const warnings: ScanWarning[] = [];

  const { name, warnings: nameWarnings } = readName(rawName);
  warnings.push(...nameWarnings);
  const person: Person = { name, visitorId };

  applyBirth(person, readCompactBirth(rawBirth), warnings);

  const gender = readGender(rawGender);
  if (gender === 'unreadable') warnings.push('bad_gender');
  else if (gender !== null) person.gender = gender;

  const phone = readPhone(rawPhone);
  if (phone === 'bad') warnings.push('bad_phone');
  else if (phone !== null) person.phone = phone;

  const idNumber = readIdLike(rawIdNumber, 'typed');
  if (idNumber === 'bad') warnings.push('bad_id_number');
  else if (idNumber !== null) person.idNumber = idNumber;

  const address = readAddress(rawAddress);
  warnings.push(...address.warnings);
  if (address.address !== undefined) person.address = address.address;

  const declaration = readDeclaration(rawDecl);
  if (declaration === 'bad') warnings.push('bad_declaration');
  const risk = declaration && declaration !== 'bad' ? readRisk(rawRisk) : undefined;
  if (declaration && declaration !== 'bad' && risk) declaration.risk = risk;

  return {
    kind: 'visitor',
    person,
    declaration: declaration === 'bad' ? null : declaration,
    warnings: uniqueWarnings(warnings),
  };
}
