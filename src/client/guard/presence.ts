/**
 * Who is inside the checkpoint, from the check-ins on this device: a visit is an `in` that no `out`
 * has closed yet, within the shift window. Decides what a repeat scan means.
 */
import type { CheckIn, Person } from '../../shared/protocol';
import { sameVisitor } from '../data/visit-key';

/** A visit still open: who came in, and when. */
interface OpenVisit {
  checkIn: CheckIn;
  /** Check-ins taken together with this one (companions) share its id as groupId. */
  companions: CheckIn[];
}

/** An `in` older than this is no longer "inside" (nobody stays past a shift; tracing uses the default stay). */
export const OPEN_VISIT_MAX_MS = 12 * 60 * 60_000;

/** Re-exported from the data layer, which owns the matching key (`visitKey`). */
/** The open visits among `checkIns` at `now` (newest first). */
export function openVisits(checkIns: readonly CheckIn[], now: number): OpenVisit[] {
  const closed = new Set(checkIns.filter((c) => c.kind === 'out' && c.ref).map((c) => c.ref as string));
  const ins = checkIns
    .filter(
      (c) =>
        c.kind === 'in' && !closed.has(c.id) && now - c.deviceTime < OPEN_VISIT_MAX_MS && c.deviceTime <= now + 60_000,
    )
    .sort((a, b) => b.deviceTime - a.deviceTime);
  const leads = ins.filter((c) => !c.groupId);
  return leads.map((lead) => ({ checkIn: lead, companions: ins.filter((c) => c.groupId === lead.id) }));
}

/**
 * The open visit of this person, if they are inside (as a lead or as a companion). Sealed check-ins are
 * matched on their keyed identity hashes (`match`, given `keys` of the person scanned), plain ones directly.
 */
export function findOpenVisit(
  checkIns: readonly (CheckIn & { match?: string[] })[],
  person: Person,
  now: number,
  keys: readonly string[] = [],
): CheckIn | undefined {
  const closed = new Set(checkIns.filter((c) => c.kind === 'out' && c.ref).map((c) => c.ref as string));
  return checkIns
    .filter((c) => c.kind === 'in' && !closed.has(c.id) && now - c.deviceTime < OPEN_VISIT_MAX_MS)
    .sort((a, b) => b.deviceTime - a.deviceTime)
    .find((c) => (c.match ? c.match.some((k) => keys.includes(k)) : sameVisitor(c.person, person)));
}
