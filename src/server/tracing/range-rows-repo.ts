/**
 * Check-in rows by lists of (key, from, to) ranges: a VALUES list joined to one of the check-in indexes, one index
 * scan per range, one statement per RANGE_CHUNK ranges, the rows packed as one JSON array of arrays. Each statement
 * shape is compiled by Kysely once per dialect and size and then run with fresh parameters, like the check-in writer's
 * inserts (Kysely's own work fell from 325 to 118 ms over 40 traces of the 10M benchmark, some 5 ms a trace). A cached
 * statement skips Kysely's plugins' `transformQuery` (their `transformResult` still runs): no plugin here rewrites
 * queries, and one that did would not see these.
 */
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { dialectOf, type Db } from '../db/database';

/** A check-in row as a packed select returns it: the shape's columns, in order. */
export type PackedRow = readonly unknown[];

/** A key's time range, ms, both ends included. */
interface KeyRange {
  key: string;
  from: number;
  to: number;
}

/**
 * What one range statement reads: `columns` of the check-ins `c` that `match` finds for a range `r` (it compares `c`
 * with `r.k`, `r.f`, `r.t` and binds no parameter of its own: a literal condition lets the planner use a partial
 * index). Declare each shape once, as a constant: its compiled statements are kept per shape object.
 */
export interface RangeShape {
  columns: readonly string[];
  match: RawBuilder<unknown>;
}

/** Person ranges per statement: three parameters each, one index seek each. */
const RANGE_CHUNK = 300;
/** Smaller statements for small traces; every chunk is padded up to one of these sizes so few statements exist. */
const RANGE_SIZES = [25, 100, RANGE_CHUNK] as const;
/** A range no check-in falls in (padding). */
const NO_RANGE: KeyRange = { key: '', from: 1, to: 0 };

/**
 * Most rows one packed statement returns: its JSON must stay one string, and V8's longest is about 537 MB. Rows of
 * 3.5 KB (every text column full of characters JSON escapes) keep 50,000 of them under a third of that; a trace's
 * rows are about 250 bytes.
 */
const MAX_PACKED_ROWS = 50_000;

/** Error codes of a value too long for the database to build (SQLite; PostgreSQL's 1 GB program limit). */
const TOO_LONG = new Set(['SQLITE_TOOBIG', '54000']);

/**
 * `FROM` the VALUES list `r` and the check-ins `c` matching each of its rows, one index scan per row: SQLite's CROSS
 * JOIN keeps `r` as the outer loop; PostgreSQL needs a LATERAL subquery for the same, kept from being flattened into
 * a plain join by OFFSET 0 (it cannot estimate how narrow the ranges are and would hash-join a scan of every
 * partition; measured in docs/tracing-at-scale.md).
 */
function eachRange(db: Db, columns: RawBuilder<unknown>, match: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres'
    ? sql`from r cross join lateral (select ${columns} from checkins c where ${match} offset 0) c`
    : sql`from r cross join checkins c where ${match}`;
}

/** `c.a, c.b, …`: the columns of the check-ins `c`. */
function columnRefs(columns: readonly string[]): RawBuilder<unknown> {
  return sql.join(columns.map((c) => sql.ref(`c.${c}`)));
}

/** The JSON array of arrays of `columns` of `c`: `json_group_array` on SQLite, `json_agg` on PostgreSQL. */
function packedColumns(db: Db, columns: readonly string[]): RawBuilder<unknown> {
  const values = columnRefs(columns);
  return dialectOf(db) === 'postgres'
    ? sql`coalesce(json_agg(json_build_array(${values})), '[]'::json)`
    : sql`json_group_array(json_array(${values}))`;
}

/** The packed JSON of a statement's one row: its rows, or null when it held more than the limit. */
function unpack(value: unknown): PackedRow[] | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as PackedRow[];
}

/** Runs a packed statement: null when the database counted more rows than the limit or could not build the value. */
async function runPacked(db: Db, query: CompiledQuery): Promise<PackedRow[] | null> {
  try {
    const { rows } = await db.executeQuery<{ rows: unknown }>(query);
    return unpack(rows[0]?.rows);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && TOO_LONG.has(String(error.code))) return null;
    throw error;
  }
}

/** `${head} select <the rows packed, or null over limit> ${tail}`: the one text of every packed statement. */
function packedSelect(
  db: Db,
  columns: readonly string[],
  head: RawBuilder<unknown>,
  tail: RawBuilder<unknown>,
  limit: number,
): RawBuilder<unknown> {
  return sql`${head}
      select case when count(*) > ${limit} then null else ${packedColumns(db, columns)} end as rows ${tail}`;
}

/**
 * The rows of `columns` of check-ins `c` (`${head} select … ${tail}`) fetched as one JSON array of arrays, or null
 * when there are more than `limit` (the database counts them and sends no JSON). A driver builds an object per row
 * with a property per column, which cost about twice SQLite's JSON and one JSON.parse on the 10M benchmark file
 * (13 µs against 7 µs a row of 15 columns; docs/tracing-at-scale.md).
 */
export function packedRows(
  db: Db,
  columns: readonly string[],
  head: RawBuilder<unknown>,
  tail: RawBuilder<unknown>,
  limit: number,
): Promise<PackedRow[] | null> {
  return runPacked(db, packedSelect(db, columns, head, tail, limit).compile(db));
}

/** The same rows as one driver object each (no size limit), laid out as packed rows. */
export async function plainRows(
  db: Db,
  columns: readonly string[],
  head: RawBuilder<unknown>,
  tail: RawBuilder<unknown>,
): Promise<PackedRow[]> {
  const { rows } = await sql<Record<string, unknown>>`${head} select ${columnRefs(columns)} ${tail}`.execute(db);
  return rows.map((r) => columns.map((c) => r[c]));
}

/**
 * A range statement's SQL text per shape, then per dialect and size (null: its parameters were not just the ranges
 * and the limit, so it is compiled every time).
 */
const compiledTexts = new WeakMap<RangeShape, Map<string, string | null>>();

/** The parameters a range statement binds, in order: each range's key, from and to, then the row limit. */
function rangeParameters(ranges: readonly KeyRange[], limit: number): unknown[] {
  const out: unknown[] = [];
  for (const r of ranges) out.push(r.key, r.from, r.to);
  out.push(limit);
  return out;
}

/**
 * The packed statement for one padded chunk of ranges. Compiled by Kysely the first time a shape and size is asked
 * on a dialect; later calls reuse its SQL with their own parameters, provided the first compile bound exactly the
 * ranges and the limit in that order (it always has; a shape whose `match` binds parameters is compiled every time).
 */
function packedRangeQuery(db: Db, shape: RangeShape, ranges: readonly KeyRange[]): CompiledQuery {
  const parameters = rangeParameters(ranges, MAX_PACKED_ROWS);
  let texts = compiledTexts.get(shape);
  if (!texts) {
    texts = new Map();
    compiledTexts.set(shape, texts);
  }
  const key = `${dialectOf(db)} ${ranges.length}`;
  const text = texts.get(key);
  if (text) return CompiledQuery.raw(text, parameters);
  const compiled = packedSelect(db, shape.columns, valuesOf(ranges), tailOf(db, shape), MAX_PACKED_ROWS).compile(db);
  if (text === undefined) {
    const same =
      compiled.parameters.length === parameters.length && compiled.parameters.every((p, i) => p === parameters[i]);
    texts.set(key, same ? compiled.sql : null);
  }
  return compiled;
}

/** `with r (k, f, t) as (values …)`: the ranges as a table. */
function valuesOf(ranges: readonly KeyRange[]): RawBuilder<unknown> {
  const tuples = sql.join(
    ranges.map((r) => sql`(cast(${r.key} as text), cast(${r.from} as bigint), cast(${r.to} as bigint))`),
  );
  return sql`with r (k, f, t) as (values ${tuples})`;
}

/** `from r … c where <match>`: each range's check-ins for `shape`. */
function tailOf(db: Db, shape: RangeShape): RawBuilder<unknown> {
  return eachRange(db, columnRefs(shape.columns), shape.match);
}

/**
 * The rows of `shape` matching each range, in the order of the ranges' chunks: one statement per RANGE_CHUNK ranges.
 */
export async function rowsPerRange(db: Db, shape: RangeShape, ranges: readonly KeyRange[]): Promise<PackedRow[]> {
  const out: PackedRow[] = [];
  for (let i = 0; i < ranges.length; i += RANGE_CHUNK) {
    await rowsOfChunk(db, shape, ranges.slice(i, i + RANGE_CHUNK), out);
  }
  return out;
}

/**
 * One statement's rows, appended to `out`. Over MAX_PACKED_ROWS, a chunk of several ranges is asked again in two
 * halves (the same rows in the same order), and a single range comes as plain rows.
 */
async function rowsOfChunk(db: Db, shape: RangeShape, chunk: readonly KeyRange[], out: PackedRow[]): Promise<void> {
  const size = RANGE_SIZES.find((n) => n >= chunk.length) ?? RANGE_CHUNK;
  const padded = [...chunk, ...Array.from({ length: size - chunk.length }, () => NO_RANGE)];
  const rows = await runPacked(db, packedRangeQuery(db, shape, padded));
  if (rows) {
    for (const r of rows) out.push(r);
  } else if (chunk.length > 1) {
    const half = chunk.length >> 1;
    await rowsOfChunk(db, shape, chunk.slice(0, half), out);
    await rowsOfChunk(db, shape, chunk.slice(half), out);
  } else {
    for (const r of await plainRows(db, shape.columns, valuesOf(padded), tailOf(db, shape))) out.push(r);
  }
}
