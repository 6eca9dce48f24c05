/**
 * Check-ins the guard types rather than scans: a visitor without a code, the companions who came
 * with someone, a declaration on somebody's behalf (khai hộ), and rows backfilled from paper sheets.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Declaration, Person, RiskFlags } from '../../shared/protocol';
import { saveCheckIns } from '../data';
import { arrive, type RecordOutcome } from './record-scan';

/**
 * Stores a visitor the guard typed in (camera denied or missing, or no code at all). The same person
 * typed again while still inside is the same visit: nothing is saved and check-out is offered.
 */
export function recordManual(person: Person, checkpointId: string, now: number = Date.now()): Promise<RecordOutcome> {
  const checkIn: CheckIn = {
    id: uuidv7(),
    checkpointId,
    kind: 'in',
    source: 'manual',
    deviceTime: now,
    person,
    risk: noDeclaration(),
  };
  return arrive(checkIn, now, () => 'repeat', { type: 'saved', checkIn, warnings: [], declaredOn: null });
}

/** Risk flags of an arrival without a declaration (typed, or a companion). */
function noDeclaration(): RiskFlags {
  return { status: 'missing', kinds: [], signals: [] };
}

/**
 * Stores a health declaration the guard filled in for a visitor without a smartphone (matched like a typed entry, with
 * its risk flags).
 */
export function recordOnBehalf(
  person: Person,
  declaration: Declaration,
  checkpointId: string,
  now: number = Date.now(),
  risk?: RiskFlags,
): Promise<RecordOutcome> {
  const checkIn: CheckIn = {
    id: uuidv7(),
    checkpointId,
    kind: 'in',
    source: 'on_behalf',
    deviceTime: now,
    person,
    declaration,
    ...(risk ? { risk } : {}),
  };
  return arrive(checkIn, now, () => 'repeat', { type: 'saved', checkIn, warnings: [], declaredOn: declaration.date });
}

/** Checks in the children or elderly relatives who came with `lead`; they share the lead's id as group. */
export async function recordCompanions(lead: CheckIn, people: Person[], now: number = Date.now()): Promise<CheckIn[]> {
  const companions = people.map((person): CheckIn => ({
    id: uuidv7(),
    checkpointId: lead.checkpointId,
    kind: 'in',
    source: 'manual',
    groupId: lead.id,
    deviceTime: now,
    person,
    risk: noDeclaration(),
  }));
  await saveCheckIns(companions);
  return companions;
}

/** A row typed from a paper declaration sheet, with the real visit times. */
interface PaperRow {
  person: Person;
  declaration?: Declaration;
  /** The risk the row's declaration shows, judged on the sheet's own day. */
  risk?: RiskFlags;
  sheet: string;
  row: number;
  /** When the visitor came in and (if written) left, ms. */
  timeIn: number;
  timeOut?: number;
}

/** Stores a paper row as a check-in (and its departure when the sheet has one). */
export async function recordPaperRow(row: PaperRow, checkpointId: string): Promise<CheckIn> {
  const checkIn: CheckIn = {
    id: uuidv7(),
    checkpointId,
    kind: 'in',
    source: 'paper',
    deviceTime: row.timeIn,
    person: row.person,
    paper: { sheet: row.sheet, row: row.row },
  };
  if (row.declaration) checkIn.declaration = row.declaration;
  if (row.risk) checkIn.risk = row.risk;
  const items = [checkIn];
  if (row.timeOut !== undefined) {
    items.push({
      id: uuidv7(),
      checkpointId,
      kind: 'out',
      ref: checkIn.id,
      source: 'paper',
      deviceTime: row.timeOut,
      person: row.person,
      paper: { sheet: row.sheet, row: row.row },
    });
  }
  await saveCheckIns(items);
  return checkIn;
}
