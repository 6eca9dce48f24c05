/**
 * Corrections the guard makes after a scan: a name or address the hand scanner garbled, a phone added.
 * Check-ins are written once, so a correction is its own item (kind `fix`, `ref` = the check-in) that
 * syncs like any other; the server keeps the original beside it.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Person } from '../../shared/protocol';
import { rememberPhone, saveCheckIns } from '../data';

/** Stores a correction of `checkIn`'s person; a changed phone is also remembered for the day. */
export async function recordCorrection(checkIn: CheckIn, person: Person, now: number = Date.now()): Promise<CheckIn> {
  const fix: CheckIn = {
    id: uuidv7(),
    checkpointId: checkIn.checkpointId,
    kind: 'fix',
    ref: checkIn.id,
    source: checkIn.source,
    deviceTime: now,
    person,
  };
  await saveCheckIns([fix]);
  if (person.phone && person.phone !== checkIn.person.phone) await rememberPhone(person, person.phone, now);
  return fix;
}

/** The person of each check-in with the latest corrections applied (by `ref`), for lists on the device. */
export function correctedPeople(checkIns: readonly CheckIn[]): Map<string, Person> {
  const out = new Map<string, Person>();
  const fixes = checkIns.filter((c) => c.kind === 'fix' && c.ref).sort((a, b) => a.deviceTime - b.deviceTime);
  for (const fix of fixes) out.set(fix.ref as string, fix.person);
  return out;
}

/** A phone as typed at the door, cleaned, or null when it cannot be one (8–15 digits, optional +). */
export function cleanPhone(raw: string): string | null {
  const s = raw.trim().replace(/[\s.-]+/g, ' ');
  if (!/^\+?[\d ]+$/.test(s)) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 ? s.slice(0, 20) : null;
}
