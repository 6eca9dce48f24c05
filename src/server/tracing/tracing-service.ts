/**
 * A contact trace end to end: resolve the case's identity, fetch its events in the infectious window,
 * build the timeline, fetch everyone near its stays, compute F1 and the narrow zone; F2 on demand.
 * The tracer API and `bench/trace.ts` both call this, so the benchmark times the real query code.
 */
import type { Db } from '../db/database';
import { getSettings } from '../db/settings-repo';
import {
  checkInsInRangesBeyond,
  eventsNear,
  eventsOfPersons,
  type PersonRange,
  traceCheckpoints,
  type StaySurroundings,
  type TraceCheckpoint,
} from './tracing-repo';
import type { PersonDetails } from '../../shared/console-api';
import { listMerges } from './merges-repo';
import { identitiesFrom, type Identities } from './identity';
import { caseTimeline, firstRing, secondRing } from './trace';
import type { Contact, Interval, Stay, TraceEvent, TraceRules } from './types';
import { buildZone } from './zone';
import { buildStays, repeatWindowOf } from './stays';
import { mergeRangesBy } from './intervals';
import { staysMeeting } from './overlap';
import { withDeclaredRisk } from './contact-risk';
import type { ContactEntry, TraceResult } from '../../shared/tracing-api';

const MIN = 60_000;

/** Tracing defaults: a 15-minute buffer; stays longer than 8 hours are capped (forgotten check-out). */
const TRACE_DEFAULTS = { bufferMin: 15, maxStayMin: 8 * 60 } as const;

/** What a tracer asks. */
interface TraceParams {
  /** The person keys chosen as the case (merged identities are added). */
  personKeys: string[];
  /** The infectious window, ms. */
  from: number;
  to: number;
  bufferMin?: number;
  maxStayMin?: number;
  /** Keep only F1/F2 contacts who declared a symptom or an exposure (risk at the door). */
  riskOnly?: boolean;
}

export type { ContactEntry, TimelineEntry, TraceResult, ZoneEntry } from '../../shared/tracing-api';

interface Context {
  ids: Identities;
  keys: string[];
  rules: TraceRules;
  lookbackMs: number;
  checkpoints: Map<string, TraceCheckpoint>;
  stays: Stay[];
  window: Interval;
}

function rulesFor(
  checkpoints: Map<string, TraceCheckpoint>,
  bufferMin: number,
  maxStayMin: number,
  repeatWindowMs: number,
): TraceRules {
  return {
    defaultStayMs: (id) => (checkpoints.get(id)?.defaultStayMin ?? 60) * MIN,
    maxStayMs: maxStayMin * MIN,
    bufferMs: bufferMin * MIN,
    repeatWindowMs,
  };
}

/**
 * Everyone's events near the source stays, plus where those people checked in next (any checkpoint),
 * so a stay left open at the source's checkpoint ends when its person checked in somewhere else.
 */
async function surroundings(db: Db, stays: readonly Stay[], rules: TraceRules, exclude: ReadonlySet<string>) {
  const near = await eventsNear(db, rangesAround(stays, rules));
  const ranges = cutRanges(stays, near.events, rules, exclude);
  if (ranges.length === 0) return near;
  const moves = await checkInsInRangesBeyond(db, ranges, near.events);
  return { events: [...near.events, ...moves], details: near.details };
}

/**
 * Where a check-in elsewhere can change a stay that counts: the stays near the sources that overlap a widened
 * source stay as the nearby events alone draw them (a later check-in elsewhere can only end a stay sooner), each
 * from a repeat window before its start (an earlier check-in it joins) to its end; a person's ranges merge.
 * Stays that meet no source need no look: shortening them changes no overlap.
 */
function cutRanges(
  sources: readonly Stay[],
  events: readonly TraceEvent[],
  rules: TraceRules,
  exclude: ReadonlySet<string>,
): PersonRange[] {
  const candidates = buildStays(
    events.filter((e) => !exclude.has(e.personKey)),
    rules,
  );
  const window = repeatWindowOf(rules);
  return mergeRangesBy(
    staysMeeting(sources, candidates, rules.bufferMs).map((s) => ({
      personKey: s.personKey,
      from: s.start - window,
      to: s.end,
    })),
    (r) => r.personKey,
  );
}

/**
 * Where people overlapping these stays can have events: anyone whose open stay reaches the widened
 * stay arrived at most one default stay before it; a longer stay needs its check-out, which comes
 * at most `maxStay` after the check-in.
 */
function rangesAround(stays: readonly Stay[], rules: TraceRules): StaySurroundings[] {
  return stays.map((s) => ({
    checkpointId: s.checkpointId,
    from: s.start - rules.bufferMs - rules.defaultStayMs(s.checkpointId),
    to: s.end + rules.bufferMs,
    outsUntil: s.end + rules.bufferMs + rules.maxStayMs,
    earliestIn: s.start - rules.bufferMs - rules.maxStayMs,
  }));
}

async function prepare(db: Db, p: TraceParams): Promise<Context> {
  const bufferMin = p.bufferMin ?? TRACE_DEFAULTS.bufferMin;
  const maxStayMin = p.maxStayMin ?? TRACE_DEFAULTS.maxStayMin;
  const ids = identitiesFrom(await listMerges(db));
  const keys = [...new Set(p.personKeys.flatMap((k) => ids.keysOf(k)))].sort();
  const lookbackMs = maxStayMin * MIN;
  const events = await eventsOfPersons(db, keys, p.from - lookbackMs, p.to + lookbackMs);
  const checkpoints = await traceCheckpoints(db, [...new Set(events.map((e) => e.checkpointId))]);
  const rules = rulesFor(checkpoints, bufferMin, maxStayMin, (await getSettings(db)).repeatWindowMin * MIN);
  const window = { start: p.from, end: p.to };
  const stays = caseTimeline(events, window, rules);
  return { ids, keys, rules, lookbackMs, checkpoints, stays, window };
}

function toContactEntry(
  c: Contact,
  details: Map<string, PersonDetails>,
  checkpoints: Map<string, TraceCheckpoint>,
): ContactEntry {
  const known: PersonDetails[] = [];
  for (const k of c.personKeys) {
    const found = details.get(k);
    if (found) known.push(found);
  }
  const d = known[0];
  // The first value any of the person's keys has.
  const pick = <K extends keyof PersonDetails>(key: K): PersonDetails[K] | null => {
    for (const x of known) {
      const v = x[key];
      if (v !== null && v !== undefined) return v;
    }
    return null;
  };
  return {
    personId: c.personId,
    personKeys: c.personKeys,
    name: d?.name ?? '',
    phone: pick('phone'),
    address: pick('address'),
    idNumber: pick('idNumber') ?? pick('idMasked'),
    birthYear: pick('birthYear'),
    overlapMin: Math.round(c.overlapMs / MIN),
    places: c.checkpoints.map((cp) => ({
      checkpointId: cp.checkpointId,
      checkpointName: checkpoints.get(cp.checkpointId)?.name ?? cp.checkpointId,
      unitName: checkpoints.get(cp.checkpointId)?.unitName ?? '',
      overlapMin: Math.round(cp.overlapMs / MIN),
      first: cp.intervals[0]?.start ?? 0,
      last: cp.intervals[cp.intervals.length - 1]?.end ?? 0,
    })),
    via: c.via,
    ...(d?.originalName !== undefined ? { originalName: d.originalName } : {}),
    selfOnly: c.selfOnly,
    fromRevokedDevice: c.fromRevokedDevice,
  };
}

/** The case's timeline, F1 contacts and narrow zone for the window. */
export async function traceCase(db: Db, p: TraceParams): Promise<TraceResult> {
  const ctx = await prepare(db, p);
  const near = await surroundings(db, ctx.stays, ctx.rules, new Set(ctx.keys));
  const contacts = firstRing(ctx.stays, near.events, ctx.rules, ctx.ids);
  const zone = buildZone(ctx.stays, contacts, ctx.rules.bufferMs, (id) => ctx.checkpoints.get(id)?.unitId ?? '');
  return {
    personKeys: ctx.keys,
    window: ctx.window,
    bufferMin: ctx.rules.bufferMs / MIN,
    timeline: ctx.stays.map((s) => {
      const cp = ctx.checkpoints.get(s.checkpointId);
      return {
        checkinId: s.checkinId,
        checkpointId: s.checkpointId,
        checkpointCode: cp?.code ?? '',
        checkpointName: cp?.name ?? s.checkpointId,
        unitName: cp?.unitName ?? '',
        start: s.start,
        end: s.end,
        endKnown: s.endKnown,
        source: s.source,
        skewed: s.skewed,
        fromRevokedDevice: s.fromRevokedDevice === true,
      };
    }),
    f1: await withDeclaredRisk(
      db,
      contacts.map((c) => toContactEntry(c, near.details, ctx.checkpoints)),
      p,
      p.riskOnly,
    ),
    zone: zone.map((z) => ({
      unitId: z.unitId,
      unitName: [...ctx.checkpoints.values()].find((cp) => cp.unitId === z.unitId)?.unitName ?? '',
      contacts: z.contacts,
      windows: z.windows,
      checkpoints: z.checkpoints.map((cp) => ({
        checkpointId: cp.checkpointId,
        code: ctx.checkpoints.get(cp.checkpointId)?.code ?? '',
        name: ctx.checkpoints.get(cp.checkpointId)?.name ?? cp.checkpointId,
        contacts: cp.contacts,
        windows: cp.windows,
      })),
    })),
  };
}

/** F2: contacts of the F1 contacts inside the window (F1 recomputed, so the answer matches the current data). */
export async function traceSecondRing(db: Db, p: TraceParams): Promise<ContactEntry[]> {
  const ctx = await prepare(db, p);
  const near = await surroundings(db, ctx.stays, ctx.rules, new Set(ctx.keys));
  const f1 = firstRing(ctx.stays, near.events, ctx.rules, ctx.ids);
  const f1Keys = [...new Set(f1.flatMap((c) => ctx.ids.keysOf(c.personId)))];
  const f1Events = await eventsOfPersons(db, f1Keys, p.from - ctx.lookbackMs, p.to + ctx.lookbackMs);
  const f1Checkpoints = await traceCheckpoints(db, [...new Set(f1Events.map((e) => e.checkpointId))]);
  const rules = rulesFor(f1Checkpoints, ctx.rules.bufferMs / MIN, ctx.rules.maxStayMs / MIN, repeatWindowOf(ctx.rules));
  const f1Stays = caseTimeline(f1Events, ctx.window, rules);
  const around = await surroundings(db, f1Stays, rules, new Set([...ctx.keys, ...f1Keys]));
  const caseIds = new Set(ctx.keys.map((k) => ctx.ids.groupOf(k)));
  const f2 = secondRing(caseIds, f1, f1Events, around.events, ctx.window, rules, ctx.ids);
  // Each F2 row names the F1 people it came through.
  const f1Names = new Map(f1.map((c) => [c.personId, toContactEntry(c, near.details, ctx.checkpoints).name]));
  const entries = f2.map((c) => ({
    ...toContactEntry(c, around.details, f1Checkpoints),
    viaNames: c.via.map((id) => f1Names.get(id) ?? id),
  }));
  return withDeclaredRisk(db, entries, p, p.riskOnly);
}
