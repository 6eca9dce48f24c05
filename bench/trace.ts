/**
 * Tracing benchmark: 10 million check-ins (200 checkpoints × 30 days, repeat visitors from their own
 * commune plus travellers), then 200 random case traces (visits + F1 over a 14-day window) through
 * the same service the tracer API uses (`traceCase`).
 *
 *   npm run bench:trace [-- --rows 10000000 --traces 200 --file /tmp/x.sqlite --fresh --db sqlite|postgres]
 *
 * The generated file is reused by later runs (same --rows) unless --fresh. With `--db postgres` the
 * same data set (same generator and seed) goes into schema `bench_trace_<rows>` on DATABASE_URL
 * (default postgres://root@127.0.0.1:5432/test), kept for later runs the same way; drop it by hand
 * (`drop schema bench_trace_10000000 cascade`) to reclaim the space. Generation: the schema
 * comes from the real migrations; rows go in through one prepared better-sqlite3 statement in
 * 100k-row transactions with the two check-in indexes dropped, which are then rebuilt with the same
 * definitions (PostgreSQL: 2,500-row INSERTs in the same 100k-row transactions, the month partitions
 * from `ensurePartitions`, the three secondary indexes dropped and re-created, then ANALYZE).
 * Last line: `trace p50 X ms p95 Y ms`.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, openPostgres, openSqlite } from '../src/server/db/database';
import { ensurePartitions } from '../src/server/db/partitions';
import { BENCH_PG_URL, freshPgSchema, pgSchemaUrl } from './pg-schema';
import { migrateToLatest } from '../src/server/db/migrate';
import { listUnits } from '../src/server/db/units-repo';
import { seedDemo } from '../src/server/seed/demo';
import { traceCase } from '../src/server/tracing/tracing-service';
import { foldVietnamese } from '../src/shared/text/fold';
import { seededRandom } from '../src/shared/seeded-random';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    traces: { type: 'string', default: '200' },
    file: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    db: { type: 'string', default: 'sqlite' },
  },
});
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
const FILE = values.file ?? join(tmpdir(), `tram-qr-bench-trace-${ROWS}.sqlite`);
/** The PostgreSQL schema of this size's data set; its comment `bench-trace done N` marks a finished load. */
const PG_SCHEMA = `bench_trace_${ROWS}`;
const PG_DONE_PREFIX = 'bench-trace done ';
let PG_URL = pgSchemaUrl(PG_SCHEMA);
const CHECKPOINTS = 200;
const DAYS = 30;
const DAY = 86_400_000;
const MIN = 60_000;
/** Midnight (Vietnam, UTC+7) after the last generated day. */
const END = Date.UTC(2026, 10, 28, 17, 0, 0);
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
): Promise<{ keys: string[]; written: number }> {
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
    for (let i = 0; i < events.length; i += TXN_ROWS) {
      await write(events.slice(i, i + TXN_ROWS).map((e) => e.row(idAt(e.time, n++))));
    }
    written += events.length;
    if (d % 5 === 4)
      console.log(
        `day ${d + 1}/${DAYS}: ${written.toLocaleString('en-US')} rows, ${((performance.now() - began) / 1000).toFixed(0)} s`,
      );
  }
  return { keys: people.map((p) => p.key), written };
}

async function generate(): Promise<{ keys: string[] }> {
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

  const insert = sqlite.prepare(
    `insert into checkins (${INSERT_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeRows = sqlite.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(r);
  });
  const { keys, written } = await generateRows(communes, cps, (rows) => writeRows(rows), began);
  const indexBegan = performance.now();
  for (const ix of indexes) sqlite.exec(ix.sql);
  sqlite.exec('analyze');
  console.log(`indexes rebuilt in ${((performance.now() - indexBegan) / 1000).toFixed(1)} s`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  writeFileSync(`${FILE}.done`, String(written));
  console.log(
    `generated ${written.toLocaleString('en-US')} check-ins in ${((performance.now() - began) / 1000).toFixed(1)} s → ${FILE}`,
  );
  return { keys };
}

async function personKeys(): Promise<string[]> {
  const sqlite = openSqlite(FILE, { readonly: true });
  try {
    return (
      sqlite
        .prepare(`select distinct person_key from checkins where corrected_time >= ? and kind = 'in' limit 200000`)
        .all(END - 14 * DAY) as { person_key: string }[]
    ).map((r) => r.person_key);
  } finally {
    sqlite.close();
  }
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
async function generatePostgres(): Promise<{ keys: string[] }> {
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
    const { keys, written } = await generateRows(communes, cps, writeRows, began);
    const indexBegan = performance.now();
    // On a partitioned table pg_indexes shows `ON ONLY checkins`; without ONLY the index reaches every partition.
    for (const ix of indexes) await client.query(ix.def.replace(' ON ONLY ', ' ON '));
    await client.query('analyze');
    console.log(`indexes rebuilt and analyzed in ${((performance.now() - indexBegan) / 1000).toFixed(1)} s`);
    await client.query(`comment on schema ${PG_SCHEMA} is '${PG_DONE_PREFIX}${written}'`);
    console.log(
      `generated ${written.toLocaleString('en-US')} check-ins in ${((performance.now() - began) / 1000).toFixed(1)} s → schema ${PG_SCHEMA}`,
    );
    return { keys };
  } finally {
    await client.end();
  }
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

/** The same case candidates as the SQLite reuse path: its person_key index yields them in bytewise order. */
async function personKeysPostgres(): Promise<string[]> {
  const client = await pgClient();
  try {
    const { rows } = await client.query<{ person_key: string }>(
      `select distinct person_key collate "C" as person_key from checkins where corrected_time >= $1 and kind = 'in' order by 1 limit 200000`,
      [END - 14 * DAY],
    );
    return rows.map((r) => r.person_key);
  } finally {
    await client.end();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  let keys: string[];
  if (PG) {
    const reuse = !values.fresh && (await pgDone());
    keys = reuse
      ? (console.log(`reusing schema ${PG_SCHEMA} on ${BENCH_PG_URL}`), await personKeysPostgres())
      : (await generatePostgres()).keys;
  } else {
    const reuse = !values.fresh && existsSync(FILE) && existsSync(`${FILE}.done`);
    keys = reuse ? (console.log(`reusing ${FILE}`), await personKeys()) : (await generate()).keys;
  }

  const db = PG ? openPostgres(PG_URL) : openDatabase(FILE);
  const from = END - 14 * DAY;
  const pickRand = seededRandom(7);
  const cases = Array.from({ length: TRACES + 10 }, () => keys[Math.floor(pickRand() * keys.length)] as string);
  const times: number[] = [];
  let visits = 0;
  let contacts = 0;
  for (const [i, key] of cases.entries()) {
    const began = performance.now();
    const result = await traceCase(db, { personKeys: [key], from, to: END });
    const ms = performance.now() - began;
    if (i < 10) continue; // warm-up: statement preparation
    times.push(ms);
    visits += result.timeline.length;
    contacts += result.f1.length;
  }
  await db.destroy();
  times.sort((a, b) => a - b);
  console.log(
    `${TRACES} traces over 14 days: mean ${(visits / TRACES).toFixed(1)} visits and ${(contacts / TRACES).toFixed(0)} F1 contacts per case; max ${times[times.length - 1]?.toFixed(1)} ms`,
  );
  console.log(`trace p50 ${percentile(times, 50).toFixed(1)} ms p95 ${percentile(times, 95).toFixed(1)} ms`);
}

await main();
