/**
 * Version 2 of the personal QR: `TQ2:` + the version-1 fields in the QR alphanumeric character set, `-` between
 * fields (see `qr-alnum-text.ts` for the letters). Name and address are Vietnamese text fields; the others (id,
 * birth, gender, phone, ID number, declaration) keep their characters, upper-cased. About 40 % fewer bits than
 * version 1 for a long Vietnamese name and address, and nothing a keyboard-wedge layout can mangle.
 */
import { decodeAlnumField, encodeAlnumField, type AlnumFieldKind } from './qr-alnum-text';

export const COMPACT_VISITOR_PREFIX = 'TQ2:';
/** Field kinds in version-1 order: visitorId, name, birth, gender, phone, idNumber, address, declaration. */
const KINDS: readonly AlnumFieldKind[] = ['raw', 'text', 'raw', 'raw', 'raw', 'raw', 'text', 'raw'];
const FIELD_SEPARATOR = '-';

/** Encodes version-1 field values as a `TQ2:` text; null when any value cannot be carried exactly. */
export function encodeCompactFields(fields: readonly string[]): string | null {
  if (fields.length > KINDS.length) return null;
  const encoded: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    // The id and the declaration's hex flags are lower case by definition; their parsers ignore case.
    const value = i === 0 || i === 7 ? (fields[i] ?? '').toUpperCase() : (fields[i] ?? '');
    const field = encodeAlnumField(value, KINDS[i] ?? 'raw');
    if (field === null) return null;
    encoded.push(field);
  }
  return COMPACT_VISITOR_PREFIX + encoded.join(FIELD_SEPARATOR);
}

/** Splits and decodes the body of a `TQ2:` text into version-1 field values; null when it is not valid. Total. */
export function splitCompactFields(body: string): string[] | null {
  const raw: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c === ':') {
      current += body.slice(i, i + 2);
      i++;
    } else if (c === FIELD_SEPARATOR) {
      raw.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  raw.push(current);
  if (raw.length > KINDS.length) return null;
  const fields: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const value = decodeAlnumField((raw[i] ?? '').trim(), KINDS[i] ?? 'raw');
    if (value === null) return null;
    fields.push(value);
  }
  return fields;
}
