/**
 * Tracing queries on check-ins: the latest details of person records, a person's events, everyone at a checkpoint
 * around a time, and the checkpoints involved (identity merges: merges-repo.ts). Rows stay here; callers get tracing
 * domain types.
 * Every time query rides one of the two check-in indexes: (person_key, corrected_time) or (checkpoint_id,
 * corrected_time).
 */
import { sql } from 'kysely';
import type { Source } from '../../shared/protocol';
import type { TraceEvent } from './types';
import { mergeRangesBy } from './intervals';
import type { PersonDetails } from '../../shared/console-api';
import type { Db } from '../db/database';
import { packedRows, plainRows, rowsPerRange, type PackedRow, type RangeShape } from './range-rows-repo';
import { withCorrections } from '../db/corrections-repo';

/** A time range at one checkpoint, ms. */
interface CheckpointRange {
  checkpointId: string;
  from: number;
  to: number;
}

/** A checkpoint as tracing shows it. */
export interface TraceCheckpoint {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  defaultStayMin: number;
}

/** Largest IN list per statement (bound parameters stay far under every engine's limit). */
const IN_CHUNK = 500;

const EVENT_COLUMNS = [
  'id',
  'checkpoint_id',
  'person_key',
  'kind',
  'ref',
  'corrected_time',
  'skew_flag',
  'source',
  'from_revoked_device',
] as const;
const DETAIL_COLUMNS = ['name', 'id_number', 'id_masked', 'birth_year', 'phone', 'address'] as const;

/** Where each column sits in a PackedRow: the EVENT_COLUMNS in order, then the DETAIL_COLUMNS where asked for. */
const AT = Object.fromEntries([...EVENT_COLUMNS, ...DETAIL_COLUMNS].map((c, i) => [c, i])) as Record<
  (typeof EVENT_COLUMNS)[number] | (typeof DETAIL_COLUMNS)[number],
  number
>;

/** A person's rows in the range, on the (person_key, corrected_time) index. */
const PERSON_IN_RANGE = sql`c.person_key = r.k and c.corrected_time >= r.f and c.corrected_time <= r.t`;

/** The range reads of a trace (range-rows-repo.ts), each one statement shape. */
const SHAPES = {
  personEvents: { columns: EVENT_COLUMNS, match: PERSON_IN_RANGE },
  personEntries: { columns: ['person_key', 'corrected_time'], match: PERSON_IN_RANGE },
  personCheckIns: {
    columns: EVENT_COLUMNS,
    match: sql`${PERSON_IN_RANGE} and c.kind = 'in'`,
  },
  checkpointRows: {
    columns: [...EVENT_COLUMNS, ...DETAIL_COLUMNS],
    match: sql`c.checkpoint_id = r.k and c.corrected_time >= r.f and c.corrected_time <= r.t`,
  },
  // Literal, not bound: the planner can then prove the partial index checkins_out_checkpoint_time_idx applies.
  checkpointOuts: {
    columns: [...EVENT_COLUMNS, ...DETAIL_COLUMNS],
    match: sql`c.checkpoint_id = r.k and c.corrected_time >= r.f and c.corrected_time <= r.t and c.kind = 'out'`,
  },
} satisfies Record<string, RangeShape>;

/** The person details stored with a check-in row. */
function toDetails(r: {
  person_key: string;
  name: string;
  id_number: string | null;
  id_masked: string | null;
  birth_year: number | null;
  phone: string | null;
  address: string | null;
}): PersonDetails {
  return {
    personKey: r.person_key,
    name: r.name,
    idNumber: r.id_number,
    idMasked: r.id_masked,
    birthYear: r.birth_year === null ? null : Number(r.birth_year),
    phone: r.phone,
    address: r.address,
  };
}

/** The event of a packed row. */
function eventOf(v: PackedRow): TraceEvent {
  const event: TraceEvent = {
    id: v[AT.id] as string,
    checkpointId: v[AT.checkpoint_id] as string,
    personKey: v[AT.person_key] as string,
    kind: v[AT.kind] as TraceEvent['kind'],
    ref: v[AT.ref] as string | null,
    time: Number(v[AT.corrected_time]),
    skewed: Number(v[AT.skew_flag]) === 1,
    source: v[AT.source] as Source,
  };
  if (Number(v[AT.from_revoked_device] ?? 0) === 1) event.fromRevokedDevice = true;
  return event;
}

/** The details of a packed row with DETAIL_COLUMNS. */
function detailsOf(v: PackedRow): PersonDetails {
  return toDetails({
    person_key: v[AT.person_key] as string,
    name: v[AT.name] as string,
    id_number: v[AT.id_number] as string | null,
    id_masked: v[AT.id_masked] as string | null,
    birth_year: v[AT.birth_year] as number | null,
    phone: v[AT.phone] as string | null,
    address: v[AT.address] as string | null,
  });
}

/**
 * The latest details stored with each person key that a guard saw (any source but the visitor's own `self` check-in);
 * the latest self check-in's only for a key no guard ever saw. Anyone with a poster can claim a CCCD number in a
 * self check-in, so such a claim never replaces the name and phone a guard scanned or typed.
 */
export async function latestDetails(db: Db, keys: readonly string[]): Promise<Map<string, PersonDetails>> {
  const out = new Map<string, PersonDetails>();
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('checkins')
      .select(['person_key', 'corrected_time', ...DETAIL_COLUMNS])
      .where('person_key', 'in', keys.slice(i, i + IN_CHUNK))
      .orderBy(sql`case when source = 'self' then 1 else 0 end`)
      .orderBy('corrected_time', 'desc')
      .execute();
    for (const r of rows) {
      if (out.has(r.person_key)) continue;
      out.set(r.person_key, toDetails(r));
    }
  }
  return out;
}

/** Every event of these person keys with a corrected time in [from, to]. */
export async function eventsOfPersons(
  db: Db,
  keys: readonly string[],
  from: number,
  to: number,
): Promise<TraceEvent[]> {
  const rows = await rowsPerRange(
    db,
    SHAPES.personEvents,
    [...keys].sort().map((key) => ({ key, from, to })),
  );
  return rows.map(eventOf);
}

/** One person's time range, ms. */
export interface PersonRange {
  personKey: string;
  from: number;
  to: number;
}

/**
 * The check-ins of each person inside that person's ranges that are not among `known` (where the people near a case
 * went next), on the (person_key, corrected_time) index. The index alone says which rows the ranges hold (no table
 * page is read): most are the stays' own check-ins, already known, so only a (person, time) with more rows in the
 * index than in `known` is read from the table (docs/tracing-at-scale.md, "The index before the table").
 */
export async function checkInsInRangesBeyond(
  db: Db,
  ranges: readonly PersonRange[],
  known: readonly TraceEvent[],
): Promise<TraceEvent[]> {
  const entries = await rowsPerRange(
    db,
    SHAPES.personEntries,
    ranges.map((r) => ({ key: r.personKey, from: r.from, to: r.to })),
  );
  const byId = new Map(known.map((e) => [e.id, e])); // an event fetched twice is one row
  const unseen = unknownEntries(
    entries.map((r) => ({ key: r[0] as string, time: Number(r[1]) })),
    byId.values(),
  );
  if (unseen.length === 0) return [];
  const rows = await rowsPerRange(
    db,
    SHAPES.personCheckIns,
    unseen.map((u) => ({ key: u.key, from: u.time, to: u.time })),
  );
  return rows.map(eventOf).filter((e) => !byId.has(e.id));
}

/** A (person key, time) an index entry holds. */
interface KeyTime {
  key: string;
  time: number;
}

/**
 * The distinct (key, time) of `entries` holding more rows than `known` (distinct rows) has at the same person key
 * and time, sorted: the places of the rows `known` may lack.
 */
function unknownEntries(entries: readonly KeyTime[], known: Iterable<TraceEvent>): KeyTime[] {
  const count = new Map<string, Map<number, number>>();
  for (const e of entries) {
    let times = count.get(e.key);
    if (!times) {
      times = new Map();
      count.set(e.key, times);
    }
    times.set(e.time, (times.get(e.time) ?? 0) + 1);
  }
  for (const e of known) {
    const times = count.get(e.personKey);
    const n = times?.get(e.time);
    if (times && n !== undefined) times.set(e.time, n - 1);
  }
  const out: KeyTime[] = [];
  for (const [key, times] of count) for (const [time, n] of times) if (n > 0) out.push({ key, time });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.time - b.time));
}

/** Where people overlapping one source stay can have events (ms). */
export interface StaySurroundings extends CheckpointRange {
  /** Check-outs up to here can close a stay that overlaps (a long stay). */
  outsUntil: number;
  /** A long stay closed by such a check-out may have begun as early as this. */
  earliestIn: number;
}

/**
 * Every row (or every check-out) at each checkpoint inside its time range, with details: the ranges are a VALUES
 * list joined to the (checkpoint_id, corrected_time) index (the partial check-out index for 'out'), so a trace
 * asks once per 300 ranges rather than once per range (on PostgreSQL each statement is a round trip).
 */
async function rowsInRanges(db: Db, ranges: readonly CheckpointRange[], kind: 'any' | 'out'): Promise<PackedRow[]> {
  return rowsPerRange(
    db,
    kind === 'out' ? SHAPES.checkpointOuts : SHAPES.checkpointRows,
    ranges.map((r) => ({ key: r.checkpointId, from: r.from, to: r.to })),
  );
}

/**
 * Everyone's events (with their details) around source stays: every row at the checkpoint in
 * [from, to]; the check-outs after `to` up to `outsUntil` (partial check-out index); and the
 * check-ins those check-outs close when they began before `from` (by primary key). The details come with the rows:
 * fetching them afterwards for the contacts alone, by id, was measured no faster (docs/tracing-at-scale.md).
 */
export async function eventsNear(
  db: Db,
  ranges: readonly StaySurroundings[],
): Promise<{ events: TraceEvent[]; details: Map<string, PersonDetails> }> {
  const rows = await rowsInRanges(
    db,
    mergeRangesBy(ranges, (r) => r.checkpointId),
    'any',
  );
  const laterOuts = mergeRangesBy(
    ranges.map((r) => ({ checkpointId: r.checkpointId, from: r.to + 1, to: r.outsUntil })),
    (r) => r.checkpointId,
  );
  for (const r of await rowsInRanges(db, laterOuts, 'out')) rows.push(r);
  const events = rows.map(eventOf);
  const seen = new Set(events.map((e) => e.id));
  const missingIns = [
    ...new Set(
      events.filter((e) => e.kind === 'out' && e.ref !== null && !seen.has(e.ref)).map((e) => e.ref as string),
    ),
  ];
  const earliest = Math.min(...ranges.map((r) => r.earliestIn));
  for (let i = 0; i < missingIns.length; i += IN_CHUNK) {
    // At most IN_CHUNK rows (ids are unique), so never over the limit; plain rows if a value is ever too long.
    const head = sql``;
    const tail = sql`from checkins c where c.id in (${sql.join(missingIns.slice(i, i + IN_CHUNK))})
        and c.corrected_time >= ${earliest}`;
    const columns = [...EVENT_COLUMNS, ...DETAIL_COLUMNS];
    const found = (await packedRows(db, columns, head, tail, IN_CHUNK)) ?? (await plainRows(db, columns, head, tail));
    for (const r of found) {
      const e = eventOf(r);
      if (seen.has(e.id)) continue;
      rows.push(r);
      events.push(e);
      seen.add(e.id);
    }
  }

  // Each person's latest row gives the details (the first of equal times).
  const latest = new Map<string, { row: PackedRow; time: number }>();
  rows.forEach((row, i) => {
    const e = events[i] as TraceEvent;
    const known = latest.get(e.personKey);
    if (!known || known.time < e.time) latest.set(e.personKey, { row, time: e.time });
  });
  const details = new Map<string, PersonDetails>();
  for (const [key, { row }] of latest) details.set(key, detailsOf(row));
  return { events, details: await withCorrections(db, details) };
}

/** The checkpoints with these ids, with their commune. */
export async function traceCheckpoints(db: Db, ids: readonly string[]): Promise<Map<string, TraceCheckpoint>> {
  const out = new Map<string, TraceCheckpoint>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('checkpoints')
      .innerJoin('units', 'units.id', 'checkpoints.unit_id')
      .select([
        'checkpoints.id',
        'checkpoints.code',
        'checkpoints.name',
        'checkpoints.unit_id',
        'checkpoints.default_stay_min',
        'units.name as unit_name',
      ])
      .where('checkpoints.id', 'in', ids.slice(i, i + IN_CHUNK))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        defaultStayMin: Number(r.default_stay_min),
      });
    }
  }
  return out;
}
