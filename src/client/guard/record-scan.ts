/**
 * What happens when the guard's scanner reads a code: recognise it, decide whether it is a new
 * check-in, a repeat (offer check-out) or a departure, and store it before any network call.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Source } from '../../shared/protocol';
import { classifyScan } from '../../shared/scan/classify';
import type { ScanResult, ScanWarning } from '../../shared/scan/types';
import { matchKeysOf, recordAtomically, rememberedPhone, type AtomicDecision, type ViewCheckIn } from '../data';
import type { MessageKey } from '../i18n/dict';
import { findOpenVisit, OPEN_VISIT_MAX_MS, openVisits } from './presence';
import { toRiskFlags, type RiskRules } from '../../shared/risk/evaluate';
import { riskOfScan } from '../risk/rules';

export type RecordOutcome =
  | { type: 'saved'; checkIn: CheckIn; warnings: ScanWarning[]; declaredOn: string | null }
  /** Scanned again after the repeat window: the visitor is leaving. */
  | { type: 'checked_out'; checkIn: CheckIn; visit: CheckIn }
  /** Scanned again within the repeat window: nothing saved; the guard may check the visitor out. */
  | { type: 'repeat'; visit: CheckIn }
  | { type: 'refused'; message: MessageKey; params?: Record<string, string> }
  | { type: 'save_failed'; checkIn: CheckIn };

/** Where and how the guard device records. */
interface RecordContext {
  checkpointId: string;
  /** A second scan of the same person within this many minutes is a repeat, not a departure. */
  repeatWindowMin: number;
  now?: number;
  /** Risk at the door: judge the scanned declaration and store the flags with the check-in. */
  risk?: RiskRules;
}

const SOURCE_BY_KIND = { visitor: 'visitor_qr', cccd: 'cccd', national: 'national_qr' } as const satisfies Record<
  string,
  Source
>;

/** Builds the check-in a recognised scan stands for, or null when the code is not a person's. */
function checkInFromScan(result: ScanResult, checkpointId: string, now: number): CheckIn | null {
  if (result.kind !== 'visitor' && result.kind !== 'cccd' && result.kind !== 'national') return null;
  const checkIn: CheckIn = {
    id: uuidv7(),
    checkpointId,
    kind: 'in',
    source: SOURCE_BY_KIND[result.kind],
    deviceTime: now,
    person: result.person,
  };
  if (result.kind === 'visitor' && result.declaration) {
    const { date, version, flags } = result.declaration;
    checkIn.declaration = { version, date, answers: { yesMask: flags } };
  }
  if (result.kind === 'national') checkIn.ext = result.ext;
  return checkIn;
}

/** Why a scanned code that is not a person's was refused, as a dictionary message. */
function refusalFor(result: ScanResult): { message: MessageKey; params?: Record<string, string> } {
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
  if (ctx.risk) checkIn.risk = toRiskFlags(riskOfScan(result, ctx.risk));
  // A phone the guard added for this card earlier today comes along (ID cards carry none).
  if (!checkIn.person.phone && checkIn.source !== 'visitor_qr') {
    const phone = await rememberedPhone(checkIn.person, now).catch(() => undefined);
    if (phone) checkIn.person = { ...checkIn.person, phone };
  }
  const warnings = 'warnings' in result ? result.warnings : [];
  const declaredOn = result.kind === 'visitor' ? (result.declaration?.date ?? null) : null;
  return arrive(
    checkIn,
    now,
    (visit) => (now - visit.deviceTime < ctx.repeatWindowMin * 60_000 ? 'repeat' : 'check_out'),
    {
      type: 'saved',
      checkIn,
      warnings,
      declaredOn,
    },
  );
}

/**
 * Saves an arrival unless the same person is already inside: then `onInside` says whether it is the
 * same visit (`repeat`: nothing saved, check-out offered) or a departure. The check and the save are
 * one IndexedDB transaction, so two reads of one code saved a few ms apart still make one visit.
 */
export async function arrive(
  checkIn: CheckIn,
  now: number,
  onInside: (visit: CheckIn) => 'repeat' | 'check_out',
  saved: RecordOutcome,
): Promise<RecordOutcome> {
  try {
    // The keyed identity hashes are WebCrypto work: made before the atomic read-decide-save.
    const keys = await matchKeysOf(checkIn.person);
    return await recordAtomically(
      now - OPEN_VISIT_MAX_MS,
      (recent): AtomicDecision<RecordOutcome> => {
        const visit = findOpenVisit(recent, checkIn.person, now, keys);
        if (!visit) return { save: [checkIn], result: saved };
        if (onInside(visit) === 'repeat') return { save: [], result: { type: 'repeat', visit } };
        return departure(recent, visit, now);
      },
      now,
    );
  } catch {
    return { type: 'save_failed', checkIn };
  }
}

/** Builds the `out` that closes a visit. */
function departureOf(visit: CheckIn, now: number): CheckIn {
  return {
    id: uuidv7(),
    checkpointId: visit.checkpointId,
    kind: 'out',
    ref: visit.id,
    source: visit.source,
    deviceTime: now,
    person: visit.person,
  };
}

/** The departures of a visit and its companions, unless another record already closed it. */
function departure(recent: readonly ViewCheckIn[], visit: CheckIn, now: number): AtomicDecision<RecordOutcome> {
  const visits = openVisits(recent, now);
  const open = visits.find((v) => v.checkIn.id === visit.id);
  const out = departureOf(visit, now);
  // A companion still inside leaves alone (per-person check-out); the rest of the group stays.
  if (!open && visits.some((v) => v.companions.some((c) => c.id === visit.id)))
    return { save: [out], result: { type: 'checked_out', checkIn: out, visit } };
  if (!open) return { save: [], result: { type: 'checked_out', checkIn: out, visit } };
  return {
    save: [out, ...open.companions.map((c) => departureOf(c, now))],
    result: { type: 'checked_out', checkIn: out, visit },
  };
}

/** Records that a visitor (and the companions who came with them) left; a second tap saves nothing more. */
export async function checkOut(visit: CheckIn, now: number = Date.now()): Promise<RecordOutcome> {
  try {
    return await recordAtomically(now - OPEN_VISIT_MAX_MS, (recent) => departure(recent, visit, now), now);
  } catch {
    return { type: 'save_failed', checkIn: departureOf(visit, now) };
  }
}

/** Closing time: records a departure for everyone still inside; returns how many left. */
export async function checkOutEveryone(now: number = Date.now()): Promise<number> {
  return recordAtomically(
    now - OPEN_VISIT_MAX_MS,
    (recent) => {
      const outs = openVisits(recent, now)
        .flatMap((v) => [v.checkIn, ...v.companions])
        .map((c) => departureOf(c, now));
      return { save: outs, result: outs.length };
    },
    now,
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 40);
  }
}
