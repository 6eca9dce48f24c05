/**
 * First step of every parser: strip what scanners wrap payloads in, bound the length, split fields.
 */
import { MAX_SCAN_LENGTH, type UnknownScan } from './types';

// Whitespace (incl. BOM, NBSP, CR/LF), C0 controls, DEL and zero-width space. Tested one character at a time.
const TRIMMABLE = /[\s\u0000-\u001f\u007f\u200b\ufeff]/;

/** Trims BOM, CR/LF, control characters and spaces from both ends (linear time, any input). */
export function trimScanText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && TRIMMABLE.test(text.charAt(start))) start++;
  while (end > start && TRIMMABLE.test(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Builds the `unknown` result. */
export function unknownScan(reason: UnknownScan['reason']): UnknownScan {
  return { kind: 'unknown', reason };
}

/** Trims a raw scan and rejects empty or oversized input: the shared preamble of all parsers. */
export function prepareScan(text: string): { ok: true; text: string } | { ok: false; result: UnknownScan } {
  const trimmed = trimScanText(typeof text === 'string' ? text : '');
  if (trimmed.length === 0) return { ok: false, result: unknownScan('empty') };
  if (trimmed.length > MAX_SCAN_LENGTH) return { ok: false, result: unknownScan('too_long') };
  return { ok: true, text: trimmed };
}

/** Splits a pipe-separated payload into trimmed fields. */
export function splitFields(text: string): string[] {
  return text.split('|').map(trimScanText);
}
