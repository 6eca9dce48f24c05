/**
 * One trace, computed from events already fetched: the case's timeline in the infectious window,
 * its F1 contacts, and (given the F1 people's surroundings) the F2 ring. Pure: the repository fetches.
 */
import type { Identities } from './identity';
import { findContacts, staysInWindow } from './overlap';
import { buildStays } from './stays';
import type { Contact, Interval, Stay, TraceEvent, TraceRules } from './types';

/** The case's stays inside the window, in time order. */
export function caseTimeline(caseEvents: readonly TraceEvent[], window: Interval, rules: TraceRules): Stay[] {
  return staysInWindow(buildStays(caseEvents, rules), window);
}

/** F1: everyone overlapping the case's stays (widened by the buffer), identities merged, most exposed first. */
export function firstRing(
  caseStays: readonly Stay[],
  nearbyEvents: readonly TraceEvent[],
  rules: TraceRules,
  identities: Identities,
): Contact[] {
  const caseIds = new Set(caseStays.map((s) => identities.groupOf(s.personKey)));
  return findContacts({
    sources: caseStays,
    candidates: buildStays(nearbyEvents, rules),
    bufferMs: rules.bufferMs,
    identities,
    exclude: caseIds,
  });
}

/**
 * F2: everyone overlapping an F1 person's stays inside the window, leaving out the case and F1.
 * `f1Events` are the F1 people's own events; `nearbyEvents` everything near their stays.
 */
export function secondRing(
  caseIds: ReadonlySet<string>,
  f1: readonly Contact[],
  f1Events: readonly TraceEvent[],
  nearbyEvents: readonly TraceEvent[],
  window: Interval,
  rules: TraceRules,
  identities: Identities,
): Contact[] {
  const f1Ids = new Set(f1.map((c) => c.personId));
  const sources = staysInWindow(buildStays(f1Events, rules), window).filter((s) =>
    f1Ids.has(identities.groupOf(s.personKey)),
  );
  return findContacts({
    sources,
    candidates: buildStays(nearbyEvents, rules),
    bufferMs: rules.bufferMs,
    identities,
    exclude: new Set([...caseIds, ...f1Ids]),
  });
}
