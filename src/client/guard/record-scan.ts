/**
 * What happens when the guard's scanner reads a code or the guard types a visitor in:
 * recognise it, turn it into a check-in, and store it on the device before any network call.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person, Source } from '../../shared/protocol';
import { classifyScan } from '../../shared/scan/classify';
import type { ScanResult, ScanWarning } from '../../shared/scan/types';
import { saveCheckIn } from '../data';
import type { MessageKey } from '../i18n/dict';

export type RecordOutcome =
  | { type: 'saved'; checkIn: CheckIn; warnings: ScanWarning[]; declaredOn: string | null }
  | { type: 'refused'; message: MessageKey; params?: Record<string, string> }
  | { type: 'save_failed'; checkIn: CheckIn };

const SOURCE_BY_KIND = { visitor: 'visitor_qr', cccd: 'cccd', national: 'national_qr' } as const satisfies Record<string, Source>;

/** Builds the check-in a recognised scan stands for, or null when the code is not a person's. */
export function checkInFromScan(result: ScanResult, checkpointId: string, now: number): CheckIn | null {
  if (result.kind !== 'visitor' && result.kind !== 'cccd' && result.kind !== 'national') return null;
  const checkIn: CheckIn = { id: uuidv7(), checkpointId, kind: 'in', source: SOURCE_BY_KIND[result.kind], deviceTime: now, person: result.person };
  if (result.kind === 'visitor' && result.declaration) {
    const { date, version, flags } = result.declaration;
    checkIn.declaration = { version, date, answers: { yesMask: flags } };
  }
  if (result.kind === 'national') checkIn.ext = result.ext;
  return checkIn;
}

/** Why a scanned code that is not a person's was refused, as a dictionary message. */
export function refusalFor(result: ScanResult): { message: MessageKey; params?: Record<string, string> } {
  switch (result.kind) {
    case 'poster':
      return { message: 'scan.poster' };
    case 'enrol':
      return { message: 'scan.enrol' };
    case 'bank':
      return { message: 'scan.bank' };
    case 'url':
      return { message: 'scan.url', params: { host: hostOf(result.url) } };
    default:
      return { message: 'scan.unknown' };
  }
}

/** Recognises scanned text and stores the check-in; refuses anything that is not a person's code. */
export async function recordScan(text: string, checkpointId: string, now: number = Date.now()): Promise<RecordOutcome> {
  const result = classifyScan(text);
  const checkIn = checkInFromScan(result, checkpointId, now);
  if (!checkIn) return { type: 'refused', ...refusalFor(result) };
  const warnings = 'warnings' in result ? result.warnings : [];
  const declaredOn = result.kind === 'visitor' ? (result.declaration?.date ?? null) : null;
  return persist(checkIn, warnings, declaredOn);
}

/** Stores a visitor the guard typed in (camera denied or missing, or no code at all). */
export async function recordManual(person: Person, checkpointId: string, now: number = Date.now()): Promise<RecordOutcome> {
  const checkIn: CheckIn = { id: uuidv7(), checkpointId, kind: 'in', source: 'manual', deviceTime: now, person };
  return persist(checkIn, [], null);
}

async function persist(checkIn: CheckIn, warnings: ScanWarning[], declaredOn: string | null): Promise<RecordOutcome> {
  try {
    await saveCheckIn(checkIn);
    return { type: 'saved', checkIn, warnings, declaredOn };
  } catch {
    return { type: 'save_failed', checkIn };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 40);
  }
}
