/**
 * The one result type every scan parser returns. Results carry codes, never sentences: the UI translates.
 */
import type { Person } from '../protocol';

/** Longest payload (after trimming) any parser looks at; longer input is `unknown/too_long`. */
export const MAX_SCAN_LENGTH = 2000;

/**
 * Stand-in name when the payload had none (warning `name_missing`): `Person.name` is required,
 * so the UI must ask the guard to type the real one.
 */
export const UNKNOWN_NAME = '?';

/** Something odd about a recognised scan. The record is still accepted; the UI may ask the guard to confirm. */
export type ScanWarning =
  /** Birth date unreadable or impossible: `birthDate` dropped (`birthYear` kept when its year was plausible). */
  | 'bad_birth_date'
  /** CCCD issue date unreadable or impossible: `issueDate` is null. */
  | 'bad_issue_date'
  /** Gender field present but unreadable: `gender` omitted. */
  | 'bad_gender'
  /** CCCD old-ID field not alphanumeric or longer than 20: `oldId` is null. */
  | 'bad_old_id'
  /** ID number (or masked ID) longer than 20 or with odd characters: dropped. */
  | 'bad_id_number'
  /** Phone with characters a phone cannot have, or too long: dropped. */
  | 'bad_phone'
  /** Address longer than 300 characters: dropped. */
  | 'bad_address'
  /** Visitor code declaration field unreadable: `declaration` is null. */
  | 'bad_declaration'
  /** National QR "declared by" field neither 0 nor 1: `declaredBy` defaults to `self`. */
  | 'bad_declared_by'
  /** National QR EXT longer than 500 characters: `ext` is empty. */
  | 'bad_ext'
  /** Digit 4 of the CCCD number says another gender than the gender field. */
  | 'id_gender_mismatch'
  /** Digits 4–6 of the CCCD number say another birth year than the birth date. */
  | 'id_year_mismatch'
  /**
   * Name holds `?`, U+FFFD, control characters, digits/symbols, mojibake or words without a vowel: ask the guard to
   * confirm.
   */
  | 'name_garbled'
  /** Address holds `?`, U+FFFD, mojibake or words without a vowel (letters dropped): ask the guard to correct it. */
  | 'address_garbled'
  /** Name field empty: `person.name` is UNKNOWN_NAME; ask the guard to type it. */
  | 'name_missing'
  /** Name longer than 200 characters: cut to 200. */
  | 'name_truncated'
  /** Informational: UTF-8-read-as-Latin-1 mojibake in name or address was repaired losslessly. */
  | 'text_repaired';

/** A health declaration carried in a visitor code: yes answers of a questionnaire version, as a bitmask. */
export interface VisitorDeclaration {
  /** `YYYY-MM-DD`, the declarant's local day. */
  date: string;
  version: number;
  /** Bit i (value 2^i) set = yes to the i-th yes/no question, questionnaire order; 0 = all no. */
  flags: number;
  /**
   * The kinds of risk signal the visitor's phone found (9th field: `0`, `s`, `e` or `se`), so a guard device
   * holding another questionnaire version still tells; absent in codes made before risk summaries.
   */
  risk?: ('symptom' | 'exposure')[];
}

export type ScanResult =
  | { kind: 'visitor'; person: Person; declaration: VisitorDeclaration | null; warnings: ScanWarning[] }
  | { kind: 'cccd'; person: Person; oldId: string | null; issueDate: string | null; warnings: ScanWarning[] }
  | {
      kind: 'national';
      person: Person;
      declaredBy: 'self' | 'behalf';
      qid: string;
      ext: string;
      warnings: ScanWarning[];
    }
  | { kind: 'poster'; checkpointCode: string; url: string }
  | { kind: 'enrol'; url: string }
  | { kind: 'url'; url: string }
  | { kind: 'bank' }
  | { kind: 'unknown'; reason: 'empty' | 'too_long' | 'unrecognised' };

export type UnknownScan = Extract<ScanResult, { kind: 'unknown' }>;
