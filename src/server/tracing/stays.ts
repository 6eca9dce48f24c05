/**
 * Turns check-in events into stays: an 'in' closed by its 'out' (by `ref`, else the person's next
 * 'out' at the same checkpoint), or left open and closed after the checkpoint's default stay.
 * One visit is one stay even on data holding double saves: a second 'in' of the same person at the
 * same checkpoint within the repeat window of an open visit joins that visit; and nobody is at two
 * places at once: a stay ends at the person's next check-in at another checkpoint.
 */
import type { Stay, TraceEvent, TraceRules } from './types';

/** The district's default repeat window, used when the rules do not say. */
const DEFAULT_REPEAT_WINDOW_MS = 10 * 60_000;

type Rules = Pick<TraceRules, 'defaultStayMs' | 'maxStayMs' | 'repeatWindowMs'>;

/** How long after a visit's start a second check-in of the same person there still joins it, ms. */
export function repeatWindowOf(rules: Pick<TraceRules, 'repeatWindowMs'>): number {
  return rules.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS;
}

/** Builds the stays of a set of events (any people, any checkpoints), sorted by start. */
export function buildStays(events: readonly TraceEvent[], rules: Rules): Stay[] {
  const ins = events.filter((e) => e.kind === 'in').sort((a, b) => a.time - b.time || cmp(a.id, b.id));
  const outs = events.filter((e) => e.kind === 'out').sort((a, b) => a.time - b.time || cmp(a.id, b.id));
  const closing = closers(ins, outs);
  const { visits, visitOf } = mergeRepeats(ins, closing, repeatWindowOf(rules));
  // An out naming an absorbed 'in' closes its visit (the earliest such out after the start wins).
  for (const [inId, out] of closing) {
    const lead = visitOf.get(inId);
    if (!lead || lead.id === inId) continue;
    const known = closing.get(lead.id);
    if (out.time >= lead.time && (!known || out.time < known.time)) closing.set(lead.id, out);
  }
  const nextElsewhere = nextCheckInElsewhere(visits);
  const joined = joinedFacts(ins, visitOf);

  return visits.map((e): Stay => {
    const out = closing.get(e.id);
    const start = e.time;
    let end = out ? Math.min(out.time, start + rules.maxStayMs) : start + rules.defaultStayMs(e.checkpointId);
    const moved = nextElsewhere.get(e.id);
    // A visit of one 'in' has no joined facts: its own say it all.
    const facts = joined.get(e.id);
    const scanned = facts ? facts.scanned : e.source === 'self' ? undefined : e.source;
    if (moved !== undefined && moved < end) end = Math.max(start, moved);
    const stay: Stay = {
      checkinId: e.id,
      checkpointId: e.checkpointId,
      personKey: e.personKey,
      start,
      end,
      endKnown: out !== undefined,
      skewed: e.skewed || (out?.skewed ?? false),
      // A visit a guard scanned too is not resting on the visitor's own claim alone.
      source: e.source === 'self' && scanned ? scanned : e.source,
    };
    if ((facts ? facts.revoked : e.fromRevokedDevice === true) || out?.fromRevokedDevice) stay.fromRevokedDevice = true;
    return stay;
  });
}

/** What a visit's 'in's say together: the first source other than self, a revoked device. */
interface JoinedFacts {
  scanned: TraceEvent['source'] | undefined;
  revoked: boolean;
}

/**
 * Per visit of more than one 'in' (by its lead 'in'), what all its 'in's say together, in time order; a visit of
 * one 'in' is left out (most visits: no object for each).
 */
function joinedFacts(ins: readonly TraceEvent[], visitOf: ReadonlyMap<string, TraceEvent>): Map<string, JoinedFacts> {
  const facts = new Map<string, JoinedFacts>();
  for (const e of ins) {
    const lead = visitOf.get(e.id) ?? e;
    if (lead === e) continue;
    let f = facts.get(lead.id);
    if (!f) {
      f = { scanned: lead.source === 'self' ? undefined : lead.source, revoked: lead.fromRevokedDevice === true };
      facts.set(lead.id, f);
    }
    if (e.source !== 'self' && f.scanned === undefined) f.scanned = e.source;
    if (e.fromRevokedDevice) f.revoked = true;
  }
  return facts;
}

/** Which out closes which in: by `ref`, else the person's latest still-open in at that checkpoint before it. */
function closers(ins: readonly TraceEvent[], outs: readonly TraceEvent[]): Map<string, TraceEvent> {
  const inById = new Map(ins.map((e) => [e.id, e]));
  const closing = new Map<string, TraceEvent>();
  const unmatched: TraceEvent[] = [];
  for (const out of outs) {
    const target = out.ref === null ? undefined : inById.get(out.ref);
    if (target && !closing.has(target.id) && out.time >= target.time) closing.set(target.id, out);
    else if (!target) unmatched.push(out);
  }
  if (unmatched.length > 0) {
    const byPlace = groupBy(ins, (e) => `${e.personKey}\u0000${e.checkpointId}`);
    for (const out of unmatched) {
      let best: TraceEvent | undefined;
      for (const e of byPlace.get(`${out.personKey}\u0000${out.checkpointId}`) ?? []) {
        if (e.time > out.time) break;
        if (!closing.has(e.id)) best = e;
      }
      if (best) closing.set(best.id, out);
    }
  }
  return closing;
}

/**
 * The visits: an 'in' of a person at a checkpoint less than `windowMs` after the start of their
 * visit there that is still open (not closed by an out at or before it) is the same visit.
 */
function mergeRepeats(ins: readonly TraceEvent[], closing: ReadonlyMap<string, TraceEvent>, windowMs: number) {
  const visitOf = new Map<string, TraceEvent>();
  const visits: TraceEvent[] = [];
  // person → checkpoint → the lead 'in' of the latest visit there (nested maps: no key string per event).
  const openLead = new Map<string, Map<string, TraceEvent>>();
  for (const e of ins) {
    let place = openLead.get(e.personKey);
    if (!place) {
      place = new Map();
      openLead.set(e.personKey, place);
    }
    const lead = place.get(e.checkpointId);
    const leadOut = lead ? closing.get(lead.id) : undefined;
    if (lead && e.time - lead.time < windowMs && (!leadOut || leadOut.time > e.time)) {
      visitOf.set(e.id, lead);
      continue;
    }
    place.set(e.checkpointId, e);
    visitOf.set(e.id, e);
    visits.push(e);
  }
  return { visits, visitOf };
}

/** For each visit, the time of the same person's next visit at another checkpoint (visits sorted by time). */
function nextCheckInElsewhere(visits: readonly TraceEvent[]): Map<string, number> {
  const next = new Map<string, number>();
  for (const list of groupBy(visits, (e) => e.personKey).values()) {
    // Walking back: the next visit elsewhere is the very next one, or (same checkpoint) that one's.
    let following: TraceEvent | undefined;
    let followingElsewhere: number | undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i] as TraceEvent;
      const elsewhere =
        following === undefined
          ? undefined
          : following.checkpointId !== e.checkpointId
            ? following.time
            : followingElsewhere;
      if (elsewhere !== undefined && elsewhere > e.time) next.set(e.id, elsewhere);
      following = e;
      followingElsewhere = elsewhere;
    }
  }
  return next;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
