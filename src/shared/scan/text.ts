/**
 * Cleaning of free-text fields (names, addresses) read from scans: repair, normalise, flag garbling.
 */
import { repairMojibake, hasMojibake } from './mojibake';
import { UNKNOWN_NAME, type ScanWarning } from './types';

const MAX_NAME = 200;
const MAX_ADDRESS = 300;

// Control, format (BOM, zero-width), line/paragraph separators: never part of a name or address.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// What a person's name may contain: letters, combining marks, spaces and a few joiners (H'Hen, Lê-Thị, Jr.).
const NAME_CHARS = /^[\p{L}\p{M}\s.'’ʼ-]*$/u;

/** NFC, whitespace runs (CR/LF/tabs too) → one space, other invisible characters removed, trimmed. */
export function normaliseText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/**
 * True when a name shows signs of keyboard-wedge or encoding damage (`?`, U+FFFD, controls, digits, symbols, mojibake).
 */
function isGarbledName(name: string): boolean {
  return hasMojibake(name) || !NAME_CHARS.test(name.normalize('NFC'));
}

/** Reads a name field: repairs mojibake, normalises, flags garbling, never rejects; empty → UNKNOWN_NAME. */
export function readName(raw: string): { name: string; warnings: ScanWarning[] } {
  const warnings: ScanWarning[] = [];
  const repaired = repairMojibake(raw);
  if (repaired !== raw) warnings.push('text_repaired');
  let name = normaliseText(repaired);
  if (name === '') return { name: UNKNOWN_NAME, warnings: [...warnings, 'name_missing'] };
  if (isGarbledName(repaired.trim())) warnings.push('name_garbled');
  if (name.length > MAX_NAME) {
    name = truncate(name, MAX_NAME);
    warnings.push('name_truncated');
  }
  return { name, warnings };
}

/**
 * Reads an address field: repairs mojibake and normalises; empty → undefined; too long → dropped with `bad_address`.
 */
export function readAddress(raw: string): { address?: string; warnings: ScanWarning[] } {
  const warnings: ScanWarning[] = [];
  const repaired = repairMojibake(raw);
  if (repaired !== raw) warnings.push('text_repaired');
  const address = normaliseText(repaired);
  if (address === '') return { warnings };
  if (address.length > MAX_ADDRESS) return { warnings: [...warnings, 'bad_address'] };
  return { address, warnings };
}
