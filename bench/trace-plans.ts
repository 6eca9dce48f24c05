/**
 * Where a trace's time goes, statement by statement, and the database's plan for each: runs the first cases of
 * bench:trace on its kept data set (build it first with `npm run bench:trace`), records every statement
 * `traceCase` sends (Kysely's query log around the real code), sums the time per statement shape and prints, for the
 * slowest trace, each shape's share and the plan of its slowest statement: `EXPLAIN QUERY PLAN` on SQLite,
 * `EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL.
 *
 *   npm run bench:trace-plans [-- --rows 10000000 --cases 20 --db sqlite|postgres --layout rowid]
 *
 * Last line: `slowest trace X ms: Y % in its heaviest statement shape`.
 */
import { parseArgs } from 'node:util';
import { CompiledQuery, type LogEvent } from 'kysely';
import { openDatabase, openPostgres, type Db } from '../src/server/db/database';
import { traceCase } from '../src/server/tracing/tracing-service';
import { pgSchemaUrl } from './pg-schema';
import {
  TRACE_END,
  TRACE_FROM,
  caseKeysPostgres,
  caseKeysSqlite,
  pickCases,
  traceFile,
  traceSchema,
  warm,
} from './trace-cases';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    cases: { type: 'string', default: '20' },
    db: { type: 'string', default: 'sqlite' },
    layout: { type: 'string', default: 'rowid' },
  },
});
const PG = values.db === 'postgres';
const ROWS = Number(values.rows);

/** One statement a trace sent: its SQL and parameters (to run again under EXPLAIN) and how long it took. */
interface Sent {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

/** Records every statement the database it is the query log of runs, with the driver's time for it. */
class Recorder {
  sent: Sent[] = [];

  /** Kysely's `log` callback. */
  readonly log = (event: LogEvent): void => {
    const { sql, parameters } = event.query;
    this.sent.push({ sql, parameters, ms: event.queryDurationMillis });
  };
}

/** A statement's shape: its SQL with IN lists and OR chains of any length folded to one, VALUES lists to their length. */
function shapeOf(text: string): string {
  return text
    .replace(/\$\d+/g, '?')
    .replace(/values (\(cast\(\? as text\), cast\(\? as bigint\), cast\(\? as bigint\)\)(?:, )?)+/g, (list) => {
      return `values (?, ?, ?) × ${list.split('cast(? as text)').length - 1}`;
    })
    .replace(/\((?:\s*(?:\?|\$\d+)\s*,)+\s*(?:\?|\$\d+)\s*\)/g, '(…)')
    .replace(/(\(\("person_key" = (?:\?|\$\d+) and [^)]*\)\)(?: or )?)+/g, '(("person_key" = ? and …) or …)');
}

/** The database's plan of one recorded statement, one line per plan node. */
async function explain(db: Db, s: Sent): Promise<string> {
  const prefix = PG ? 'explain (analyze, buffers, timing off) ' : 'explain query plan ';
  const { rows } = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`${prefix}${s.sql}`, [...s.parameters]),
  );
  if (PG) return rows.map((r) => String(r['QUERY PLAN'])).join('\n');
  const depth = new Map<number, number>();
  return rows
    .map((r) => {
      const d = (depth.get(Number(r.parent)) ?? -1) + 1;
      depth.set(Number(r.id), d);
      return `${'  '.repeat(d)}${String(r.detail)}`;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const url = pgSchemaUrl(traceSchema(ROWS));
  const keys = PG ? await caseKeysPostgres(url) : caseKeysSqlite(traceFile(ROWS, values.layout));
  if (!PG) warm(traceFile(ROWS, values.layout));
  const recorder = new Recorder();
  const base = PG
    ? openPostgres(url, 10, recorder.log)
    : openDatabase(traceFile(ROWS, values.layout), { log: recorder.log });
  const cases = pickCases(keys, 10 + Number(values.cases)).slice(10);
  let slowest: { ms: number; sent: Sent[]; key: string } = { ms: -1, sent: [], key: '' };
  for (const key of cases) {
    recorder.sent = [];
    const began = performance.now();
    await traceCase(base, { personKeys: [key], from: TRACE_FROM, to: TRACE_END });
    const ms = performance.now() - began;
    if (ms > slowest.ms) slowest = { ms, sent: recorder.sent, key };
  }
  recorder.sent = []; // the EXPLAINs below are not part of any trace
  const shapes = new Map<string, { ms: number; count: number; worst: Sent }>();
  for (const s of slowest.sent) {
    const k = shapeOf(s.sql);
    const g = shapes.get(k) ?? { ms: 0, count: 0, worst: s };
    g.ms += s.ms;
    g.count += 1;
    if (s.ms > g.worst.ms) g.worst = s;
    shapes.set(k, g);
  }
  const ranked = [...shapes].sort((a, b) => b[1].ms - a[1].ms);
  console.log(
    `slowest of ${cases.length} traces: ${slowest.key}, ${slowest.ms.toFixed(1)} ms, ${slowest.sent.length} statements`,
  );
  for (const [shape, g] of ranked) {
    console.log(
      `\n${g.ms.toFixed(1)} ms in ${g.count} statements (slowest ${g.worst.ms.toFixed(1)} ms): ${shape.slice(0, 400)}`,
    );
    console.log(await explain(base, g.worst));
  }
  await base.destroy();
  const top = ranked[0]?.[1].ms ?? 0;
  console.log(
    `slowest trace ${slowest.ms.toFixed(1)} ms: ${((top / slowest.ms) * 100).toFixed(0)} % in its heaviest statement shape`,
  );
}

await main();
