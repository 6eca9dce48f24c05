/**
 * The narrow zone: the checkpoints and time windows where the case was, with how many contacts
 * were exposed in each, grouped by commune — what the district needs to decide where to test or close.
 */
import { intersect, union, widen } from './intervals';
import type { Contact, Interval, Stay, ZoneCheckpoint, ZoneCommune } from './types';

/** Index of the first of disjoint sorted windows that ends after `t`. */
function firstEndingAfter(windows: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((windows[mid] as Interval).end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Groups the case's widened stays by checkpoint and commune and counts the contacts in each window. */
export function buildZone(
  caseStays: readonly Stay[],
  contacts: readonly Contact[],
  bufferMs: number,
  unitOf: (checkpointId: string) => string,
): ZoneCommune[] {
  const byCheckpoint = new Map<string, Stay[]>();
  for (const s of caseStays) {
    const list = byCheckpoint.get(s.checkpointId);
    if (list) list.push(s);
    else byCheckpoint.set(s.checkpointId, [s]);
  }

  // Each contact's exposure intervals, by checkpoint (built once, not per checkpoint).
  const exposuresAt = new Map<string, { personId: string; intervals: Interval[] }[]>();
  for (const c of contacts) {
    for (const e of c.checkpoints) {
      const list = exposuresAt.get(e.checkpointId);
      const item = { personId: c.personId, intervals: e.intervals };
      if (list) list.push(item);
      else exposuresAt.set(e.checkpointId, [item]);
    }
  }

  const communes = new Map<string, { checkpoints: ZoneCheckpoint[]; people: Set<string> }>();
  for (const [checkpointId, stays] of byCheckpoint) {
    // Disjoint and sorted: each exposure interval finds its windows by binary search.
    const windows = union(stays.map((s) => widen(s, bufferMs)));
    const people = windows.map(() => new Set<string>());
    const atCheckpoint = new Set<string>();
    for (const e of exposuresAt.get(checkpointId) ?? []) {
      for (const iv of e.intervals) {
        for (
          let i = firstEndingAfter(windows, iv.start);
          i < windows.length && (windows[i] as Interval).start < iv.end;
          i++
        ) {
          if (intersect(iv, windows[i] as Interval)) {
            people[i]?.add(e.personId);
            atCheckpoint.add(e.personId);
          }
        }
      }
    }
    const zoneWindows = windows.map((w, i) => ({ start: w.start, end: w.end, contacts: people[i]?.size ?? 0 }));
    const unitId = unitOf(checkpointId);
    const commune = communes.get(unitId) ?? { checkpoints: [], people: new Set<string>() };
    commune.checkpoints.push({ checkpointId, windows: zoneWindows, contacts: atCheckpoint.size });
    for (const p of atCheckpoint) commune.people.add(p);
    communes.set(unitId, commune);
  }

  return [...communes]
    .map(([unitId, c]) => ({
      unitId,
      checkpoints: c.checkpoints.sort((a, b) => b.contacts - a.contacts || (a.checkpointId < b.checkpointId ? -1 : 1)),
      contacts: c.people.size,
      windows: c.checkpoints.reduce((n, cp) => n + cp.windows.length, 0),
    }))
    .sort((a, b) => b.contacts - a.contacts || (a.unitId < b.unitId ? -1 : 1));
}
