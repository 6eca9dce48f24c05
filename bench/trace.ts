/**
 * Tracing benchmark: 10 million check-ins (200 checkpoints × 30 days, repeat visitors from their own
 * commune plus travellers), then 200 random case traces (visits + F1 over a 14-day window) through
 * the same service the tracer API uses (`traceCase`).
 *
 *   npm run bench:trace [-- --rows 10000000 --traces 200 --file /tmp/x.sqlite --fresh]
 *
 * The generated file is reused by later runs (same --rows) unless --fresh. Generation: the schema
 * comes from the real migrations; rows go in through one prepared better-sqlite3 statement in
 * 100k-row transactions with the two check-in indexes dropped, which are then rebuilt with the same
 * definitions. Last line: `trace p50 X ms p95 Y ms`.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, openSqlite } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { listUnits } from '../src/server/db/units-repo';
import { seedDemo } from '../src/server/seed/demo';
import { traceCase } from '../src/server/services/trace-service';
import { foldVietnamese } from '../src/shared/text/fold';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    traces: { type: 'string', default: '200' },
    file: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const TRACES = Number(values.traces);
const FILE = values.file ?? join(tmpdir(), `tram-qr-bench-trace-${ROWS}.sqlite`);
const CHECKPOINTS = 200;
const DAYS = 30;
const DAY = 86_400_000;
const MIN = 60_000;
/** Midnight (Vietnam, UTC+7) after the last generated day. */
const END = Date.UTC(2026, 10, 28, 17, 0, 0);
const START = END - DAYS * DAY;
const OUT_SHARE = 0.1;
const TXN_ROWS = 100_000;

/** A small deterministic PRNG (mulberry32), so every run generates the same district. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = rng(20211128);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const FAMILY = ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Lường', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Hữu', 'Thu', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Em', 'Giang', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Sơn', 'Tâm', 'Thảo', 'Tuấn', 'Vân', 'Yến'];

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
    const key = kind < 0.85 ? `cccd:${id}` : kind < 0.95 ? `phone:${phone}` : `masked:${id.slice(-6)}|${folded}|${year}`;
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

  const cps: { id: string; device: string; commune: number; offset: number }[] = [];
  const insertCp = sqlite.prepare(
    `insert into checkpoints (id, code, unit_id, name, type, address, default_stay_min, status, created_at) values (?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  );
  const insertDevice = sqlite.prepare(`insert into devices (id, kind, checkpoint_id, token_hash, app_version, enrolled_at) values (?, 'guard', ?, ?, 'bench', ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < CHECKPOINTS; i++) {
      const commune = i % communes.length;
      const unit = communes[commune];
      if (!unit) throw new Error('no communes');
      const id = `bench-cp-${i}`;
      insertCp.run(id, `B-${String(i).padStart(3, '0')}`, unit.id, `Điểm ${i + 1} ${unit.name}`, i % 3 === 0 ? 'market' : 'office', unit.name, i % 3 === 0 ? 45 : 60, START);
      insertDevice.run(`bench-dev-${i}`, id, `hash-${i}`, START);
      // A few guard devices run with a wrong clock the server corrected.
      cps.push({ id, device: `bench-dev-${i}`, commune, offset: i % 25 === 0 ? (i % 2 ? 1 : -1) * 47 * MIN : Math.round((rand() - 0.5) * 4000) });
    }
  })();

  const people = makePeople(Math.max(1000, Math.round(ROWS / 40)), communes.map((c) => c.name));
  const byCommune = communes.map((_, c) => people.filter((p) => p.commune === c));
  const insert = sqlite.prepare(
    `insert into checkins (id, checkpoint_id, device_id, kind, ref, source, device_time, received_at, clock_offset_ms, corrected_time, skew_flag,
       name, name_folded, id_number, id_masked, birth_year, gender, phone, address, person_key)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  type Row = [string, string, string, string, string | null, string, number, number, number, number, number, string, string, string | null, string | null, number, string, string, string, string];
  const writeRows = sqlite.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(r);
  });

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
        const p = (u < 0.4 ? locals[Math.floor(rand() * locals.length * 0.2)] : u < 0.8 ? locals[Math.floor(rand() * locals.length)] : people[Math.floor(rand() * people.length)]) as Person;
        // Opening hours 06:00–20:00 local, busier in the morning.
        const time = dayStart + 6 * 60 * MIN + Math.floor(Math.pow(rand(), 1.4) * 14 * 60 * MIN);
        const source = p.key.startsWith('cccd:') ? 'cccd' : p.key.startsWith('phone:') ? 'paper' : 'national_qr';
        const skew = Math.abs(cp.offset) > 5 * MIN ? 1 : 0;
        const make = (kind: 'in' | 'out', at: number, ref: string | null) => (id: string): Row => [
          id, cp.id, cp.device, kind, ref, source, at - cp.offset, at + 60_000, cp.offset, at, skew,
          p.name, p.folded, p.id, p.masked, p.year, p.gender, p.phone, p.address, p.key,
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
      writeRows(events.slice(i, i + TXN_ROWS).map((e) => e.row(idAt(e.time, n++))));
    }
    written += events.length;
    if (d % 5 === 4) console.log(`day ${d + 1}/${DAYS}: ${written.toLocaleString('en-US')} rows, ${((performance.now() - began) / 1000).toFixed(0)} s`);
  }
  const indexBegan = performance.now();
  for (const ix of indexes) sqlite.exec(ix.sql);
  sqlite.exec('analyze');
  console.log(`indexes rebuilt in ${((performance.now() - indexBegan) / 1000).toFixed(1)} s`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  writeFileSync(`${FILE}.done`, String(written));
  console.log(`generated ${written.toLocaleString('en-US')} check-ins in ${((performance.now() - began) / 1000).toFixed(1)} s → ${FILE}`);
  return { keys: people.map((p) => p.key) };
}

async function personKeys(): Promise<string[]> {
  const sqlite = openSqlite(FILE, { readonly: true });
  try {
    return (sqlite.prepare(`select distinct person_key from checkins where corrected_time >= ? and kind = 'in' limit 200000`).all(END - 14 * DAY) as { person_key: string }[]).map(
      (r) => r.person_key,
    );
  } finally {
    sqlite.close();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const reuse = !values.fresh && existsSync(FILE) && existsSync(`${FILE}.done`);
  const keys = reuse ? (console.log(`reusing ${FILE}`), await personKeys()) : (await generate()).keys;

  const db = openDatabase(FILE);
  const from = END - 14 * DAY;
  const pickRand = rng(7);
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
  console.log(`${TRACES} traces over 14 days: mean ${(visits / TRACES).toFixed(1)} visits and ${(contacts / TRACES).toFixed(0)} F1 contacts per case; max ${times[times.length - 1]?.toFixed(1)} ms`);
  console.log(`trace p50 ${percentile(times, 50).toFixed(1)} ms p95 ${percentile(times, 95).toFixed(1)} ms`);
}

await main();
