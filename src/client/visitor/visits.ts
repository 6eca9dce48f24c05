/** Groups the phone's own check-ins into visits: who came in together, where, when, and whether they left. */
import type { CheckIn } from '../../shared/protocol';
import type { LocalCheckIn } from '../data';

/** Without a check-out, a visit counts as ended after this many minutes (no reminders are sent). */
export const DEFAULT_STAY_MIN = 60;

/** One visit: the check-ins made together at a poster, and how it ended. */
export interface Visit {
  key: string;
  place: string;
  at: number;
  arrivals: CheckIn[];
  /** When the visitor checked out, or null. */
  leftAt: number | null;
  /** True when no check-out was made and the default stay has passed. */
  endedByDefault: boolean;
  /** Without a check-out: the place where the same people checked in next, which ended this visit. */
  movedTo: { place: string; at: number } | null;
  /** Worst sync status of its check-ins. */
  status: LocalCheckIn['status'];
  reason?: string;
}

const RANK = { synced: 0, pending: 1, rejected: 2 } as const;

/** Builds the visits (newest first) from the phone's own check-ins and check-outs. */
export function toVisits(items: LocalCheckIn[], nowMs: number): Visit[] {
  const outs = new Map<string, number>();
  for (const { checkIn } of items) if (checkIn.kind === 'out' && checkIn.ref) outs.set(checkIn.ref, checkIn.deviceTime);
  const visits = new Map<string, Visit>();
  for (const item of items) {
    const c = item.checkIn;
    if (c.kind !== 'in') continue;
    const key = c.groupId ?? c.id;
    let visit = visits.get(key);
    if (!visit) {
      visit = {
        key,
        place: c.proof?.name ?? c.checkpointId,
        at: c.deviceTime,
        arrivals: [],
        leftAt: null,
        endedByDefault: false,
        movedTo: null,
        status: 'synced',
      };
      visits.set(key, visit);
    }
    visit.arrivals.push(c);
    const left = outs.get(c.id);
    if (left !== undefined) visit.leftAt = Math.max(visit.leftAt ?? 0, left);
    if (RANK[item.status] > RANK[visit.status]) {
      visit.status = item.status;
      if (item.reason) visit.reason = item.reason;
    }
  }
  const list = [...visits.values()].sort((a, b) => a.at - b.at);
  list.forEach((visit, i) => {
    if (visit.leftAt !== null) return;
    // Nobody is inside two places: a later check-in elsewhere by one of its people ends this visit.
    const next = list
      .slice(i + 1)
      .find(
        (later) =>
          later.at > visit.at &&
          later.arrivals[0]?.checkpointId !== visit.arrivals[0]?.checkpointId &&
          sharesPerson(visit, later),
      );
    if (next && next.at - visit.at < DEFAULT_STAY_MIN * 60_000) visit.movedTo = { place: next.place, at: next.at };
    visit.endedByDefault = visit.movedTo === null && nowMs - visit.at > DEFAULT_STAY_MIN * 60_000;
  });
  return list.reverse();
}

/** True when two visits have someone in common (same visitor profile, else same name). */
function sharesPerson(a: Visit, b: Visit): boolean {
  const keys = new Set(a.arrivals.map((c) => c.person.visitorId ?? c.person.name));
  return b.arrivals.some((c) => keys.has(c.person.visitorId ?? c.person.name));
}
