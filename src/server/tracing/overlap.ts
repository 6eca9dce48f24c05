/**
 * Contacts: everyone whose stay at a checkpoint overlaps a source person's stay there, the source
 * stay widened by the buffer. F1 uses the case as source; F2 uses the F1 contacts.
 */
import type { Identities } from './identity';
import { intersect, totalLength, union, widen } from './intervals';
import type { CheckpointExposure, Contact, Interval, Stay } from './types';

/** What to compare and whom to leave out. */
interface ContactQuery {
  /** The source people's stays (the case, or the F1 contacts). */
  sources: readonly Stay[];
  /** Stays of everyone else found near the sources (may include the sources themselves). */
  candidates: readonly Stay[];
  bufferMs: number;
  identities: Identities;
  /** Identities never listed as contacts (the case; for F2 also the F1 people). */
  exclude: ReadonlySet<string>;
}

interface SourceWindow {
  window: Interval;
  owner: string;
}

interface CheckpointWindows {
  /** Sorted by start. */
  list: SourceWindow[];
  longest: number;
}

/** Index of the first window whose start is at or after `t` (list sorted by start). */
function firstStartingAtOrAfter(list: readonly SourceWindow[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as SourceWindow).window.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Accumulator {
  keys: Set<string>;
  via: Set<string>;
  byCheckpoint: Map<string, Interval[]>;
  /** Some overlapping stay rests on a check-in made by a guard (any source but `self`). */
  verified: boolean;
  revoked: boolean;
}

/** The widened source stays per checkpoint, each list sorted by start. */
function windowsOf(
  sources: readonly Stay[],
  bufferMs: number,
  owner: (s: Stay) => string,
): Map<string, CheckpointWindows> {
  const byCheckpoint = new Map<string, CheckpointWindows>();
  for (const s of sources) {
    let cw = byCheckpoint.get(s.checkpointId);
    if (!cw) {
      cw = { list: [], longest: 0 };
      byCheckpoint.set(s.checkpointId, cw);
    }
    const window = widen(s, bufferMs);
    cw.list.push({ window, owner: owner(s) });
    cw.longest = Math.max(cw.longest, window.end - window.start);
  }
  for (const cw of byCheckpoint.values()) cw.list.sort((a, b) => a.window.start - b.window.start);
  return byCheckpoint;
}

/** Calls `meet` for each source window at the stay's checkpoint that the stay overlaps by a positive length. */
function eachMeeting(
  windows: ReadonlyMap<string, CheckpointWindows>,
  c: Stay,
  meet: (w: SourceWindow, hit: Interval) => void,
): void {
  const cw = windows.get(c.checkpointId);
  if (!cw) return;
  // Only windows starting after (c.start − longest window) can reach c: binary search the first.
  for (let i = firstStartingAtOrAfter(cw.list, c.start - cw.longest); i < cw.list.length; i++) {
    const w = cw.list[i] as SourceWindow;
    if (w.window.start >= c.end) break;
    const hit = intersect(w.window, c);
    if (hit) meet(w, hit);
  }
}

/**
 * The candidate stays overlapping some widened source stay of another person key: a superset of the stays
 * `findContacts` counts (identities not merged), for deciding which stays are worth a closer look.
 */
export function staysMeeting(sources: readonly Stay[], candidates: readonly Stay[], bufferMs: number): Stay[] {
  const windows = windowsOf(sources, bufferMs, (s) => s.personKey);
  return candidates.filter((c) => {
    let met = false;
    eachMeeting(windows, c, (w) => {
      if (w.owner !== c.personKey) met = true;
    });
    return met;
  });
}

/** Every person whose presence overlaps a widened source stay by a positive length, most exposed first. */
export function findContacts(q: ContactQuery): Contact[] {
  const windowsByCheckpoint = windowsOf(q.sources, q.bufferMs, (s) => q.identities.groupOf(s.personKey));
  const found = new Map<string, Accumulator>();
  for (const c of q.candidates) {
    const id = q.identities.groupOf(c.personKey);
    if (q.exclude.has(id)) continue;
    eachMeeting(windowsByCheckpoint, c, ({ owner }, hit) => {
      if (owner === id) return;
      let acc = found.get(id);
      if (!acc) {
        acc = { keys: new Set(), via: new Set(), byCheckpoint: new Map(), verified: false, revoked: false };
        found.set(id, acc);
      }
      if (c.source !== 'self') acc.verified = true;
      if (c.fromRevokedDevice) acc.revoked = true;
      acc.keys.add(c.personKey);
      acc.via.add(owner);
      const list = acc.byCheckpoint.get(c.checkpointId);
      if (list) list.push(hit);
      else acc.byCheckpoint.set(c.checkpointId, [hit]);
    });
  }

  const contacts: Contact[] = [];
  for (const [personId, acc] of found) {
    const checkpoints: CheckpointExposure[] = [...acc.byCheckpoint].map(([checkpointId, hits]) => {
      const intervals = union(hits);
      return { checkpointId, intervals, overlapMs: totalLength(intervals) };
    });
    checkpoints.sort((a, b) => (a.intervals[0]?.start ?? 0) - (b.intervals[0]?.start ?? 0));
    contacts.push({
      personId,
      personKeys: [...acc.keys].sort(),
      checkpoints,
      overlapMs: checkpoints.reduce((sum, cp) => sum + cp.overlapMs, 0),
      via: [...acc.via].sort(),
      selfOnly: !acc.verified,
      fromRevokedDevice: acc.revoked,
    });
  }
  return contacts.sort((a, b) => b.overlapMs - a.overlapMs || (a.personId < b.personId ? -1 : 1));
}

/** The stays that fall (at least partly) inside a time window. */
export function staysInWindow(stays: readonly Stay[], window: Interval): Stay[] {
  return stays.filter((s) => s.end > window.start && s.start < window.end);
}
