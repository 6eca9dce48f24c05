/**
 * Small helpers parsers share to put read values into a Person and collect warnings.
 */
import type { Person } from '../protocol';
import type { DateRead } from './dates';
import type { ScanWarning } from './types';

/** Sets birthDate/birthYear from a date read; a bad date warns `bad_birth_date` and keeps a plausible year. */
export function applyBirth(person: Person, read: DateRead, warnings: ScanWarning[]): void {
  if (read.kind === 'empty') return;
  if (read.kind === 'bad') {
    warnings.push('bad_birth_date');
    if (read.year !== null) person.birthYear = read.year;
    return;
  }
  person.birthYear = read.year;
  if (read.iso !== '') person.birthDate = read.iso;
}

/** Returns the warnings without duplicates, first occurrence order. */
export function uniqueWarnings(warnings: readonly ScanWarning[]): ScanWarning[] {
  return [...new Set(warnings)];
}
