/**
 * What happens when the guard's scanner reads a code: recognise it, decide whether it is a new
 * check-in, a repeat (offer check-out) or a departure, and store it before any network call.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Source } from '../../shared/protocol';
import { classifyScan } from '../../shared/scan/classify';
import type { ScanResult, ScanWarning } from '../../shared/scan/types';
import { listSince, matchKeysOf, saveCheckIn, saveCheckIns } from '../data';
import type { MessageKey } from '../i18n/dict';
import { findOpenVisit, OPEN_VISIT_MAX_MS, openVisits } from './presence';

export type RecordOutcome =
  | { type: 'saved'; checkIn: CheckIn; warnings: ScanWarning[]; declaredOn: string | null }
  /** Scanned again after the repeat window: the visitor is leaving. */
  | { type: 'checked_out'; checkIn: CheckIn; visit: CheckIn }
  /** Scanned again within the repeat window: nothing saved; the guard may check the visitor out. */
  | { type: 'repeat'; visit: CheckIn }
  | { type: 'refused'; message: MessageKey; params?: Record<string, string> }
  | { type: 'save_failed'; checkIn: CheckIn };

/** Where and how the guard device records. */
export interface RecordContext {
  checkpointId: string;
  /** A second scan of the same person within this many minutes is a repeat, not a departure. */
  repeatWindowMin: number;
  now?: number;
}

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

/** Recognises scanned text and records an arrival or a departure; refuses anything that is not a person's code. */
export async function recordScan(text: string, ctx: RecordContext): Promise<RecordOutcome> {
  const now = ctx.now ?? Date.now();
  const result = classifyScan(text);
  const checkIn = checkInFromScan(result, ctx.checkpointId, now);
  if (!checkIn) return { type: 'refused', ...refusalFor(result) };
  const [recent, keys] = await Promise.all([listSince(now - OPEN_VISIT_MAX_MS).then((list) => list.map((local) => local.checkIn)), matchKeysOf(checkIn.person)]);
  const visit = findOpenVisit(recent, checkIn.person, now, keys);
  if (visit) {
    if (now - visit.deviceTime < ctx.repeatWindowMin * 60_000) return { type: 'repeat', visit };
    return checkOut(visit, now);
  }
  const warnings = 'warnings' in result ? result.warnings : [];
  const declaredOn = result.kind === 'visitor' ? (result.declaration?.date ?? null) : null;
  return persist(checkIn, () => ({ type: 'saved', checkIn, warnings, declaredOn }));
}

/** Builds the `out` that closes a visit. */
export function departureOf(visit: CheckIn, now: number): CheckIn {
  return { id: uuidv7(), checkpointId: visit.checkpointId, kind: 'out', ref: visit.id, source: visit.source, deviceTime: now, person: visit.person };
}

/** Records that a visitor (and the companions who came with them) left. */
export async function checkOut(visit: CheckIn, now: number = Date.now()): Promise<RecordOutcome> {
  const recent = (await listSince(now - OPEN_VISIT_MAX_MS)).map((local) => local.checkIn);
  const companions = openVisits(recent, now).find((v) => v.checkIn.id === visit.id)?.companions ?? [];
  const out = departureOf(visit, now);
  try {
    await saveCheckIns([out, ...companions.map((c) => departureOf(c, now))]);
    return { type: 'checked_out', checkIn: out, visit };
  } catch {
    return { type: 'save_failed', checkIn: out };
  }
}

/** Closing time: records a departure for everyone still inside; returns how many left. */
export async function checkOutEveryone(now: number = Date.now()): Promise<number> {
  const recent = (await listSince(now - OPEN_VISIT_MAX_MS)).map((local) => local.checkIn);
  const outs = openVisits(recent, now).flatMap((v) => [v.checkIn, ...v.companions]).map((c) => departureOf(c, now));
  if (outs.length > 0) await saveCheckIns(outs);
  return outs.length;
}

/** Stores a check-in and maps success or failure to an outcome. */
export async function persist(checkIn: CheckIn, onSaved: () => RecordOutcome): Promise<RecordOutcome> {
  try {
    await saveCheckIn(checkIn);
    return onSaved();
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
