/**
 * Tracing benchmark: 10 million check-ins (200 checkpoints × 30 days, repeat visitors from their own
 * commune plus travellers), then 200 random case traces (visits + F1 over a 14-day window) through
 * the same service the tracer API uses (`traceCase`), F2 on request (`--f2 N`).
 *
 *   npm run bench:trace [-- --rows 10000000 --traces 200 --file /tmp/x.sqlite --fresh --db sqlite|postgres
 *                          --layout rowid|covering|clustered (SQLite) | id-month|time-week (PostgreSQL)
 *                          --answers /tmp/answers.json --f2 0]
 *
 * The generated file is reused by later runs (same --rows and layout) unless --fresh, brought to the latest
 * schema first. With `--db postgres` the same data set (same generator and seed) goes into schema
 * `bench_trace_<rows>` on DATABASE_URL (default postgres://root@127.0.0.1:5432/test), kept for later runs the
 * same way; drop it by hand (`drop schema bench_trace_10000000 cascade`) to reclaim the space. Generation: the
 * schema comes from the real migrations (reshaped by `--layout`); rows go in through one prepared better-sqlite3
 * insert-or-ignore in 100k-row transactions with the check-in indexes dropped, which are then rebuilt with the
 * same definitions; the last day then goes in with every index live in 500-row transactions, and its rate is the
 * layout's ingest figure (PostgreSQL: 2,500-row INSERTs in the same 100k-row transactions, the month partitions
 * from `ensurePartitions`, the secondary indexes dropped and re-created, then ANALYZE).
 * The F1 and F2 lists must equal those of the first run on the same size (any layout, either database), kept in
 * the answers file; a difference fails the run.
 * Last line: `trace p50 X ms p95 Y ms`.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, openPostgres, openSqlite } from '../src/server/db/database';
import { ensurePartitions } from '../src/server/db/partitions';
import { BENCH_PG_URL, freshPgSchema, pgSchemaUrl } from './pg-schema';
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
import { migrateToLatest } from '../src/server/db/migrate';
import { listUnits } from '../src/server/db/units-repo';
import { seedDemo } from '../src/server/seed/demo';
import { traceCase, traceSecondRing } from '../src/server/tracing/tracing-service';
import type { ContactEntry } from '../src/shared/tracing-api';
import { foldVietnamese } from '../src/shared/text/fold';
import { seededRandom } from '../src/shared/seeded-random';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    traces: { type: 'string', default: '200' },
    file: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite' },
    answers: { type: 'string' },
    layout: { type: 'string' },
    f2: { type: 'string', default: '0' },
  },
});
/**
 * SQLite layouts of `checkins` compared on the same data (README, "Tracing at province scale"): `rowid` is what the
 * migrations make (rows in arrival order, indexes on (checkpoint_id, corrected_time) and (person_key,
 * corrected_time)); `covering` widens the checkpoint index by every column a trace reads near the case, so those
 * reads never touch the table; `clustered` stores the table itself in (checkpoint_id, corrected_time, id) order
 * (WITHOUT ROWID) with a unique index on id for the insert-or-ignore.
 */
const LAYOUTS = ['rowid', 'covering', 'clustered'] as const;
type Layout = (typeof LAYOUTS)[number];
/**
 * PostgreSQL layouts: `id-month` is what the migrations make (partitioned by the month of the UUIDv7 id, so the
 * insert-or-ignore needs only the id); `time-week` moves the loaded rows into a table partitioned by week of
 * corrected time, so a trace's time range prunes partitions. Its unique key has to be (id, corrected_time): the
 * server would need a second table of ids to keep a re-sent check-in (another push, another clock offset) from
 * being stored twice; that ingest side is not built, only the reads are measured.
 */
const PG_LAYOUTS = ['id-month', 'time-week'] as const;
type PgLayout = (typeof PG_LAYOUTS)[number];
const LAYOUT = (values.layout ?? (values.db === 'postgres' ? 'id-month' : 'rowid')) as Layout | PgLayout;
const LAYOUT_CHOICES: readonly string[] = values.db === 'postgres' ? PG_LAYOUTS : LAYOUTS;
if (!LAYOUT_CHOICES.includes(LAYOUT)) {
  console.error(`--layout ${values.layout}: use ${LAYOUT_CHOICES.join(', ')} with --db ${values.db}`);
  process.exit(2);
}
if (values.db !== 'sqlite' && values.db !== 'postgres') {
  console.error(`--db ${values.db}: use sqlite or postgres`);
  process.exit(2);
}
/**
 * PostgreSQL mode: the data set lives in schema PG_SCHEMA on DATABASE_URL (bench/pg-schema.ts), kept for later runs.
 */
const PG = values.db === 'postgres';
const ROWS = Number(values.rows);
const TRACES = Number(values.traces);
const FILE = values.file ?? traceFile(ROWS, LAYOUT);
const SQLITE_LAYOUT = LAYOUT as Layout;
/** The PostgreSQL schema of this size's data set; its comment `bench-trace done N` marks a finished load. */
const PG_SCHEMA = traceSchema(ROWS, PG ? LAYOUT : undefined);
const PG_DONE_PREFIX = 'bench-trace done ';
/**
 * The F1 and F2 lists of every traced case, kept beside the data set: the first run writes them, every later run
 * (another layout, index or query) must reproduce them exactly or the benchmark fails.
 */
const ANSWERS = values.answers ?? join(tmpdir(), `tram-qr-bench-trace-${ROWS}.answers.json`);
/**
 * F2 is traced (untimed) for this many cases, those with the fewest F1 contacts. An F2 is a trace around every F1
 * contact's stays: at 10M rows with thousands of F1 per case it reads most of the 14 days and takes minutes, so
 * the default is none; `--rows 500000 --f2 20` compares F2 across layouts in a minute.
 */
const F2_CASES = Number(values.f2);
let PG_URL = pgSchemaUrl(PG_SCHEMA);
const CHECKPOINTS = 200;
const DAYS = 30;
const DAY = 86_400_000;
const MIN = 60_000;
const END = TRACE_END;
const START = END - DAYS * DAY;
const OUT_SHARE = 0.1;
const TXN_ROWS = 100_000;

const rand = seededRandom(20211128);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const FAMILY = ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Lường', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Hữu', 'Thu', 'Quang'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Em',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Phúc',
  'Sơn',
  'Tâm',
  'Thảo',
  'Tuấn',
  'Vân',
  'Yến',
];

interface Person {
  key: string;
  name: string;
  folded: string;
  id: string | null;
  masked: string | null;
  year: number;
  gender: string;
  phone: string;
  address: string;
  commune: number;
}

function makePeople(count: number, communes: readonly string[]): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const folded = foldVietnamese(name);
    const year = 1950 + Math.floor(rand() * 60);
    const female = rand() < 0.5;
    const id = `038${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    const phone = `09${String(10_000_000 + i).slice(-8)}`;
    const commune = i % communes.length;
    const kind = rand();
    // Most are scanned by CCCD; some only ever appear on paper (phone) or by the national QR (masked ID).
    const key =
      kind < 0.85 ? `cccd:${id}` : kind < 0.95 ? `phone:${phone}` : `masked:${id.slice(-6)}|${folded}|${year}`;
    people.push({
      key,
      name,
      folded,
      id: key.startsWith('cccd:') ? id : null,
      masked: key.startsWith('masked:') ? `******${id.slice(-6)}` : null,
      year,
      gender: female ? 'female' : 'male',
      phone,
      address: `Thôn ${1 + (i % 12)}, ${communes[commune] ?? ''}, Triệu Sơn, Thanh Hóa`,
      commune,
    });
  }
  return people;
}

/** A time-ordered UUIDv7-shaped id from a time and a counter. */
function idAt(time: number, n: number): string {
  const t = time.toString(16).padStart(12, '0');
  const c = n.toString(16).padStart(15, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6)}000`.slice(0, 36);
}

/** One generated check-in, in the column order of INSERT_COLUMNS. */
type Row = [
  string,
  string,
  string,
  string,
  string | null,
  string,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  number,
  string,
  string,
  string,
  string,
];
const INSERT_COLUMNS = `id, checkpoint_id, device_id, kind, ref, source, device_time, received_at, clock_offset_ms, corrected_time, skew_flag,
       name, name_folded, id_number, id_masked, birth_year, gender, phone, address, person_key`;

interface BenchCheckpoint {
  id: string;
  code: string;
  unitId: string;
  name: string;
  type: string;
  address: string;
  stayMin: number;
  device: string;
  commune: number;
  offset: number;
}

/** The district's checkpoints and their guard devices (the PRNG calls stay in the order of the first version). */
function planCheckpoints(communes: readonly { id: string; name: string }[]): BenchCheckpoint[] {
  const cps: BenchCheckpoint[] = [];
  for (let i = 0; i < CHECKPOINTS; i++) {
    const commune = i % communes.length;
    const unit = communes[commune];
    if (!unit) throw new Error('no communes');
    const id = `bench-cp-${i}`;
    // A few guard devices run with a wrong clock the server corrected.
    cps.push({
      id,
      code: `B-${String(i).padStart(3, '0')}`,
      unitId: unit.id,
      name: `Điểm ${i + 1} ${unit.name}`,
      type: i % 3 === 0 ? 'market' : 'office',
      address: unit.name,
      stayMin: i % 3 === 0 ? 45 : 60,
      device: `bench-dev-${i}`,
      commune,
      offset: i % 25 === 0 ? (i % 2 ? 1 : -1) * 47 * MIN : Math.round((rand() - 0.5) * 4000),
    });
  }
  return cps;
}

/** Generates every check-in day by day, handing them to `write` in TXN_ROWS-row chunks in time order. */
async function generateRows(
  communes: readonly { name: string }[],
  cps: readonly BenchCheckpoint[],
  write: (rows: Row[]) => void | Promise<void>,
  began: number,
  beforeLastDay: () => void | Promise<void> = () => undefined,
): Promise<{ written: number }> {
  const people = makePeople(
    Math.max(1000, Math.round(ROWS / 40)),
    communes.map((c) => c.name),
  );
  const byCommune = communes.map((_, c) => people.filter((p) => p.commune === c));
  const insPerCpDay = ROWS / (1 + OUT_SHARE) / CHECKPOINTS / DAYS;
  let n = 0;
  let written = 0;
  for (let d = 0; d < DAYS; d++) {
    const dayStart = START + d * DAY;
    const events: { time: number; row: (id: string) => Row }[] = [];
    for (const cp of cps) {
      const count = Math.round(insPerCpDay * (0.8 + rand() * 0.4));
      const locals = byCommune[cp.commune] ?? people;
      for (let k = 0; k < count; k++) {
        // 40 % regulars (a fifth of the commune's people: vendors, staff, parents; about 3 visits a
        // day each), 40 % other people of the commune, 20 % from anywhere in the district.
        const u = rand();
        const p = (
          u < 0.4
            ? locals[Math.floor(rand() * locals.length * 0.2)]
            : u < 0.8
              ? locals[Math.floor(rand() * locals.length)]
              : people[Math.floor(rand() * people.length)]
        ) as Person;
        // Opening hours 06:00–20:00 local, busier in the morning.
        const time = dayStart + 6 * 60 * MIN + Math.floor(Math.pow(rand(), 1.4) * 14 * 60 * MIN);
        const source = p.key.startsWith('cccd:') ? 'cccd' : p.key.startsWith('phone:') ? 'paper' : 'national_qr';
        const skew = Math.abs(cp.offset) > 5 * MIN ? 1 : 0;
        const make =
          (kind: 'in' | 'out', at: number, ref: string | null) =>
          (id: string): Row => [
            id,
            cp.id,
            cp.device,
            kind,
            ref,
            source,
            at - cp.offset,
            at + 60_000,
            cp.offset,
            at,
            skew,
            p.name,
            p.folded,
            p.id,
            p.masked,
            p.year,
            p.gender,
            p.phone,
            p.address,
            p.key,
          ];
        const inId = idAt(time, n++);
        events.push({ time, row: () => make('in', time, null)(inId) });
        if (rand() < OUT_SHARE) {
          const stay = Math.round(10 * MIN + -Math.log(1 - rand()) * 35 * MIN);
          events.push({ time: time + stay, row: (id) => make('out', time + stay, inId)(id) });
        }
      }
    }
    events.sort((a, b) => a.time - b.time);
    if (d === DAYS - 1) await beforeLastDay();
    for (let i = 0; i < events.length; i += TXN_ROWS) {
      await write(events.slice(i, i + TXN_ROWS).map((e) => e.row(idAt(e.time, n++))));
    }
    written += events.length;
    if (d % 5 === 4)
      console.log(
        `day ${d + 1}/${DAYS}: ${written.toLocaleString('en-US')} rows, ${((performance.now() - began) / 1000).toFixed(0)} s`,
      );
  }
  return { written };
}

async function generate(): Promise<void> {
  const began = performance.now();
  rmSync(FILE, { force: true });
  rmSync(`${FILE}-wal`, { force: true });
  rmSync(`${FILE}-shm`, { force: true });
  const db = openDatabase(FILE);
  await migrateToLatest(db);
  await seedDemo(db, START);
  const communes = (await listUnits(db)).filter((u) => u.level === 'commune');
  await db.destroy();

  const sqlite = openSqlite(FILE);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  applyLayout(sqlite, SQLITE_LAYOUT);
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'checkins' and sql is not null`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) sqlite.exec(`drop index ${ix.name}`);

  const cps = planCheckpoints(communes);
  const insertCp = sqlite.prepare(
    `insert into checkpoints (id, code, unit_id, name, type, address, default_stay_min, status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  );
  const insertDevice = sqlite.prepare(
    `insert into devices (id, kind, checkpoint_id, token_hash, app_version, enrolled_at) values (?, 'guard', ?, ?, 'bench', ?)`,
  );
  sqlite.transaction(() => {
    for (const [i, cp] of cps.entries()) {
      insertCp.run(cp.id, cp.code, cp.unitId, cp.name, cp.type, cp.address, cp.stayMin, START);
      insertDevice.run(cp.device, cp.id, `hash-${i}`, START);
    }
  })();

  // Bulk: a plain insert (the unique id index is rebuilt with the others); the live day: insert-or-ignore by id, as
  // the sync endpoint stores (checkins-repo.ts).
  const values20 = `values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const bulkInsert = sqlite.prepare(`insert into checkins (${INSERT_COLUMNS}) ${values20}`);
  let insert = bulkInsert;
  // The last day goes in with every index live, in transactions of one sync push: the layout's ingest rate.
  let live: { rows: number; ms: number } | undefined;
  const writeRows = sqlite.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(r);
  });
  const write = (rows: Row[]): void => {
    if (!live) return void writeRows(rows);
    const began = performance.now();
    for (let i = 0; i < rows.length; i += LIVE_TXN_ROWS) writeRows(rows.slice(i, i + LIVE_TXN_ROWS));
    live.ms += performance.now() - began;
    live.rows += rows.length;
  };
  const rebuild = (): void => {
    const indexBegan = performance.now();
    for (const ix of indexes) sqlite.exec(ix.sql);
    sqlite.exec('analyze');
    console.log(`indexes rebuilt in ${((performance.now() - indexBegan) / 1000).toFixed(1)} s`);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL, not the server's FULL: the figure is the layout's B-tree work, not the disk's fsync per commit.
    sqlite.pragma('synchronous = NORMAL');
    insert = sqlite.prepare(`insert into checkins (${INSERT_COLUMNS}) ${values20} on conflict (id) do nothing`);
    live = { rows: 0, ms: 0 };
  };
  const { written } = await generateRows(communes, cps, write, began, rebuild);
  sqlite.exec('analyze');
  sqlite.close();
  const ingest = live ? Math.round((live.rows / live.ms) * 1000) : 0;
  writeFileSync(`${FILE}.done`, JSON.stringify({ written, ingest }));
  console.log(
    `generated ${written.toLocaleString('en-US')} check-ins in ${((performance.now() - began) / 1000).toFixed(1)} s → ${FILE}; last day ${live?.rows.toLocaleString('en-US')} rows with live indexes at ${ingest.toLocaleString('en-US')}/s`,
  );
}

/** Rows per transaction for the live-index day: one sync push of a busy guard device. */
const LIVE_TXN_ROWS = 500;

/** Reshapes the freshly migrated, still empty `checkins` table into the layout under test (see LAYOUTS). */
function applyLayout(sqlite: ReturnType<typeof openSqlite>, layout: Layout): void {
  if (layout === 'covering') {
    sqlite.exec(`drop index checkins_checkpoint_time_idx`);
    sqlite.exec(
      `create index checkins_checkpoint_time_idx on checkins (checkpoint_id, corrected_time, kind, id, person_key, ref, skew_flag, source, from_revoked_device, name, id_number, id_masked, birth_year, phone, address)`,
    );
  }
  if (layout === 'clustered') {
    const table = sqlite.prepare(`select sql from sqlite_master where type = 'table' and name = 'checkins'`).get() as {
      sql: string;
    };
    const body = table.sql.replace(/"id" text primary key/i, '"id" text not null');
    if (body === table.sql) throw new Error(`checkins: no "id" text primary key in ${table.sql}`);
    const others = sqlite
      .prepare(`select sql from sqlite_master where type = 'index' and tbl_name = 'checkins' and sql is not null`)
      .all() as { sql: string }[];
    sqlite.exec(`drop table checkins`);
    sqlite.exec(`${body.replace(/\)\s*$/, '')}, primary key (checkpoint_id, corrected_time, id)) without rowid`);
    sqlite.exec(`create unique index checkins_id_idx on checkins (id)`);
    // The table is in (checkpoint_id, corrected_time) order: that index is the table itself.
    for (const ix of others) if (!ix.sql.includes('checkins_checkpoint_time_idx')) sqlite.exec(ix.sql);
  }
}

/** Bytes of the data set's file. */
function fileBytes(): number {
  return statSync(FILE).size + (existsSync(`${FILE}-wal`) ? statSync(`${FILE}-wal`).size : 0);
}

/** Brings a kept data set to the latest schema (a later index migration, say), then closes it. */
async function migrateKept(db: ReturnType<typeof openDatabase>): Promise<void> {
  const began = performance.now();
  const applied = await migrateToLatest(db);
  if (applied.length > 0) {
    await sql`analyze`.execute(db);
    console.log(`migrated ${applied.join(', ')} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  await db.destroy();
}

/** Rows per multi-row INSERT on PostgreSQL: 2,500 × 20 parameters stays under the protocol's 65,535. */
const PG_STATEMENT_ROWS = 2_500;

/** A plain pg client on the bench schema (loading and the case list only; traces go through Kysely). */
async function pgClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  return client;
}

/** `insert into checkins … values ($1…$20), …` for `rows` rows. */
function pgInsertSql(rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++)
    tuples.push(`(${Array.from({ length: 20 }, (_, c) => `$${r * 20 + c + 1}`).join(', ')})`);
  return `insert into checkins (${INSERT_COLUMNS}) values ${tuples.join(', ')}`;
}

/**
 * The same district on PostgreSQL, in its own schema (PG_SCHEMA): real migrations, the month
 * partitions the ids fall in (`ensurePartitions`), then the check-ins in TXN_ROWS-row transactions
 * of 2,500-row INSERTs with the secondary indexes dropped, re-created with the same definitions, ANALYZE.
 */
async function generatePostgres(): Promise<void> {
  const began = performance.now();
  PG_URL = await freshPgSchema(PG_SCHEMA);
  const db = openPostgres(PG_URL);
  await migrateToLatest(db);
  await seedDemo(db, START);
  const created = [...(await ensurePartitions(db, START)), ...(await ensurePartitions(db, END))];
  const communes = (await listUnits(db)).filter((u) => u.level === 'commune');
  await db.destroy();
  console.log(`schema ${PG_SCHEMA} migrated; partitions ${created.join(', ')}`);

  const client = await pgClient();
  try {
    await client.query('set synchronous_commit = off');
    await client.query(`set maintenance_work_mem = '1GB'`);
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() and tablename = 'checkins' and indexname <> 'checkins_pkey'`,
      )
    ).rows;
    for (const ix of indexes) await client.query(`drop index ${ix.name}`);

    const cps = planCheckpoints(communes);
    await client.query('begin');
    for (const [i, cp] of cps.entries()) {
      await client.query(
        `insert into checkpoints (id, code, unit_id, name, type, address, default_stay_min, status, created_at) values ($1, $2, $3, $4, $5, $6, $7, 'open', $8)`,
        [cp.id, cp.code, cp.unitId, cp.name, cp.type, cp.address, cp.stayMin, START],
      );
      await client.query(
        `insert into devices (id, kind, checkpoint_id, token_hash, app_version, enrolled_at) values ($1, 'guard', $2, $3, 'bench', $4)`,
        [cp.device, cp.id, `hash-${i}`, START],
      );
    }
    await client.query('commit');

    const fullSql = pgInsertSql(PG_STATEMENT_ROWS);
    const writeRows = async (rows: Row[]): Promise<void> => {
      // Queued on the one connection without waiting in between, so building the next statement overlaps the server's
      // work.
      const pending: Promise<unknown>[] = [client.query('begin')];
      for (let i = 0; i < rows.length; i += PG_STATEMENT_ROWS) {
        const chunk = rows.slice(i, i + PG_STATEMENT_ROWS);
        pending.push(
          client.query(chunk.length === PG_STATEMENT_ROWS ? fullSql : pgInsertSql(chunk.length), chunk.flat()),
        );
      }
      pending.push(client.query('commit'));
      await Promise.all(pending);
    };
    const { written } = await generateRows(communes, cps, writeRows, began);
    if (LAYOUT === 'time-week') await partitionByWeek(client);
    const indexBegan = performance.now();
    // On a partitioned table pg_indexes shows `ON ONLY checkins`; without ONLY the index reaches every partition.
    for (const ix of indexes) await client.query(ix.def.replace(' ON ONLY ', ' ON '));
    await client.query('analyze');
    console.log(`indexes rebuilt and analyzed in ${((performance.now() - indexBegan) / 1000).toFixed(1)} s`);
    await client.query(`comment on schema ${PG_SCHEMA} is '${PG_DONE_PREFIX}${written}'`);
    console.log(
      `generated ${written.toLocaleString('en-US')} check-ins in ${((performance.now() - began) / 1000).toFixed(1)} s → schema ${PG_SCHEMA}`,
    );
  } finally {
    await client.end();
  }
}

/**
 * `--layout time-week`: the loaded check-ins moved into a table partitioned by week of corrected time (a default
 * partition beside), unique on (id, corrected_time); the secondary indexes are then built on it as on the
 * migrations' table.
 */
async function partitionByWeek(client: pg.Client): Promise<void> {
  const began = performance.now();
  const WEEK = 7 * 86_400_000;
  const span = (
    await client.query<{ lo: string; hi: string }>(
      'select min(corrected_time) as lo, max(corrected_time) as hi from checkins',
    )
  ).rows[0];
  if (!span) throw new Error('no check-ins to partition');
  await client.query('alter table checkins rename to checkins_by_id');
  await client.query(
    'create table checkins (like checkins_by_id including defaults) partition by range (corrected_time)',
  );
  let weeks = 0;
  for (let t = Math.floor(Number(span.lo) / WEEK) * WEEK; t <= Number(span.hi); t += WEEK, weeks++)
    await client.query(`create table checkins_w${weeks} partition of checkins for values from (${t}) to (${t + WEEK})`);
  await client.query('create table checkins_w_default partition of checkins default');
  await client.query('insert into checkins select * from checkins_by_id');
  await client.query('drop table checkins_by_id');
  await client.query('create unique index checkins_id_time_idx on checkins (id, corrected_time)');
  console.log(
    `moved into ${weeks} week partitions by corrected time in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
}

/** Whether the bench schema holds a complete earlier generation (its comment is written last). */
async function pgDone(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ c: string | null }>(
      `select obj_description(oid, 'pg_namespace') as c from pg_namespace where nspname = $1`,
      [PG_SCHEMA],
    );
    return rows[0]?.c?.startsWith(PG_DONE_PREFIX) ?? false;
  } finally {
    await client.end();
  }
}

/** One case's contact lists as digests. */
interface CaseAnswers {
  f1: string[];
  f2?: string[];
}

/** What a tracer reads of a contact list: who, how long, where and through whom. */
function listDigest(list: readonly ContactEntry[]): string[] {
  return list
    .map(
      (c) =>
        `${c.personId} ${c.overlapMin} ${c.places.map((p) => `${p.checkpointId}@${p.first}-${p.last}`).join(',')} ${c.via.join(',')}`,
    )
    .sort();
}

/**
 * Compares this run's answers with the stored ones on the cases both hold (a run with fewer traces traces a prefix
 * of the same cases), then stores the union; exits non-zero on a difference.
 */
function checkAnswers(answers: Record<string, CaseAnswers>): void {
  const stored = existsSync(ANSWERS) ? (JSON.parse(readFileSync(ANSWERS, 'utf8')) as Record<string, CaseAnswers>) : {};
  const common = Object.keys(answers).filter((k) => k in stored);
  const differing = common.filter((k) => {
    const a = answers[k] as CaseAnswers;
    const b = stored[k] as CaseAnswers;
    return (
      JSON.stringify(a.f1) !== JSON.stringify(b.f1) || (a.f2 && b.f2 && JSON.stringify(a.f2) !== JSON.stringify(b.f2))
    );
  });
  if (differing.length > 0) {
    console.error(
      `F1/F2 lists differ from ${ANSWERS} for ${differing.length} cases, e.g. ${differing.slice(0, 3).join(', ')}`,
    );
    process.exit(1);
  }
  writeFileSync(ANSWERS, JSON.stringify({ ...stored, ...answers }));
  console.log(
    common.length > 0
      ? `F1 lists of ${common.length} cases (F2 of ${common.filter((k) => answers[k]?.f2 && stored[k]?.f2).length}) equal to those in ${ANSWERS}`
      : `answers of ${Object.keys(answers).length} cases written to ${ANSWERS}`,
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  let keys: string[];
  if (PG) {
    const reuse = !values.fresh && (await pgDone());
    if (reuse) console.log(`reusing schema ${PG_SCHEMA} on ${BENCH_PG_URL}`);
    else await generatePostgres();
    await migrateKept(openPostgres(PG_URL));
    keys = await caseKeysPostgres(PG_URL);
  } else {
    const reuse = !values.fresh && existsSync(FILE) && existsSync(`${FILE}.done`);
    if (reuse) console.log(`reusing ${FILE}`);
    else await generate();
    await migrateKept(openDatabase(FILE));
    keys = caseKeysSqlite(FILE);
    warm(FILE);
    console.log(`layout ${LAYOUT}: file ${(fileBytes() / 1e9).toFixed(2)} GB; ${readFileSync(`${FILE}.done`, 'utf8')}`);
  }

  const db = PG ? openPostgres(PG_URL) : openDatabase(FILE);
  const from = TRACE_FROM;
  const cases = pickCases(keys, TRACES + 10);
  const times: number[] = [];
  const answers: Record<string, CaseAnswers> = {};
  let visits = 0;
  let contacts = 0;
  for (const [i, key] of cases.entries()) {
    const began = performance.now();
    const result = await traceCase(db, { personKeys: [key], from, to: END });
    const ms = performance.now() - began;
    if (i < 10) continue; // warm-up: statement preparation
    times.push(ms);
    answers[`${i} ${key}`] = { f1: listDigest(result.f1) };
    visits += result.timeline.length;
    contacts += result.f1.length;
  }
  const byF1 = Object.entries(answers).sort((a, b) => a[1].f1.length - b[1].f1.length || (a[0] < b[0] ? -1 : 1));
  for (const [id, entry] of byF1.slice(0, F2_CASES)) {
    const key = id.slice(id.indexOf(' ') + 1);
    entry.f2 = listDigest(await traceSecondRing(db, { personKeys: [key], from, to: END }));
  }
  await db.destroy();
  checkAnswers(answers);
  times.sort((a, b) => a - b);
  console.log(
    `${TRACES} traces over 14 days: mean ${(visits / TRACES).toFixed(1)} visits and ${(contacts / TRACES).toFixed(0)} F1 contacts per case; max ${times[times.length - 1]?.toFixed(1)} ms`,
  );
  console.log(`trace p50 ${percentile(times, 50).toFixed(1)} ms p95 ${percentile(times, 95).toFixed(1)} ms`);
}

await main();
