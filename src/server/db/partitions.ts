/**
 * PostgreSQL only: `checkins` is partitioned by month of its UUIDv7 id (the id's first 48 bits are
 * its creation time in ms, so the text of the id sorts by time under the "C" collation). The same id
 * always lands in the same partition, so idempotency stays a plain `ON CONFLICT (id) DO NOTHING`
 * on the primary key. This module creates the partitions ahead (this month and the next, at start and
 * daily) and drops whole months once retention has passed them. On SQLite every function is a no-op.
 */
import { sql } from 'kysely';
import { dialectOf, type Db } from './database';

const DAY_MS = 86_400_000;

/** Lock key serialising partition maintenance across server instances (any constant bigint). */
const PARTITION_LOCK_KEY = 7_201_126_0600;

/** A month as the first millisecond of it and of the next, UTC. */
interface MonthRange {
  start: number;
  end: number;
}

/** The UTC month containing `ms`. */
function monthOf(ms: number): MonthRange {
  const d = new Date(ms);
  return {
    start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

/** The smallest UUIDv7 text prefix of ids made at `ms`: ids made at or after it sort at or after it. */
function uuidv7Bound(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/** The partition's table name for a month, e.g. checkins_y2026m11. */
function partitionName(month: MonthRange): string {
  const d = new Date(month.start);
  return `checkins_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Creates the month's partition if missing, moving any rows the default partition holds for it. */
async function ensureMonth(trx: Db, month: MonthRange): Promise<boolean> {
  const name = partitionName(month);
  const exists = await sql<{
    n: number;
  }>`select count(*) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where c.relname = ${name} and s.nspname = current_schema()`.execute(trx);
  if (Number(exists.rows[0]?.n ?? 0) > 0) return false;
  const lo = uuidv7Bound(month.start);
  const hi = uuidv7Bound(month.end);
  // A default partition holding rows of this range would make CREATE … PARTITION OF fail: move them.
  await sql`create temporary table checkins_moving on commit drop as
    select * from checkins_default where id >= ${lo} and id < ${hi}`.execute(trx);
  await sql`delete from checkins_default where id >= ${lo} and id < ${hi}`.execute(trx);
  await sql`create table ${sql.id(name)} partition of checkins for values from (${sql.lit(lo)}) to (${sql.lit(hi)})`.execute(
    trx,
  );
  await sql`insert into checkins select * from checkins_moving`.execute(trx);
  await sql`drop table checkins_moving`.execute(trx);
  return true;
}

/** Makes sure this month's and next month's partitions exist (PostgreSQL); returns the ones created. */
export async function ensurePartitions(db: Db, now: number): Promise<string[]> {
  if (dialectOf(db) !== 'postgres') return [];
  const current = monthOf(now);
  const months = [current, monthOf(current.end)];
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`.execute(trx);
    const created: string[] = [];
    for (const month of months) if (await ensureMonth(trx, month)) created.push(partitionName(month));
    return created;
  });
}

/** Month partitions of the current schema, with their ranges. */
async function listMonthPartitions(db: Db): Promise<{ name: string; month: MonthRange }[]> {
  const rows = await sql<{ name: string }>`select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent join pg_namespace s on s.oid = p.relnamespace
    where p.relname = 'checkins' and s.nspname = current_schema()`.execute(db);
  const out: { name: string; month: MonthRange }[] = [];
  for (const { name } of rows.rows) {
    const m = /^checkins_y(\d{4})m(\d{2})$/.exec(name);
    if (!m) continue;
    out.push({ name, month: monthOf(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) });
  }
  return out;
}

/**
 * Drops whole month partitions whose ids' month ended before `cutoff` (PostgreSQL); returns how many
 * expired rows went with them. Rows in such a partition whose corrected time is still inside
 * retention (a device whose clock ran slow) are first moved to the default partition, where the
 * row-by-row purge deletes them when their time comes: dropping a month never loses a row early.
 */
export async function dropExpiredPartitions(db: Db, cutoff: number): Promise<{ partitions: number; checkins: number }> {
  if (dialectOf(db) !== 'postgres') return { partitions: 0, checkins: 0 };
  let partitions = 0;
  let checkins = 0;
  for (const { name, month } of await listMonthPartitions(db)) {
    if (month.end > cutoff) continue;
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`.execute(trx);
      const counts = await sql<{ total: number; keep: number }>`select count(*) as total,
        count(*) filter (where corrected_time >= ${cutoff}) as keep from ${sql.table(name)}`.execute(trx);
      const total = Number(counts.rows[0]?.total ?? 0);
      const keep = Number(counts.rows[0]?.keep ?? 0);
      if (keep > 0) {
        await sql`create temporary table checkins_keep on commit drop as
          select * from ${sql.table(name)} where corrected_time >= ${cutoff}`.execute(trx);
      }
      await sql`drop table ${sql.table(name)}`.execute(trx);
      if (keep > 0) {
        await sql`insert into checkins_default select * from checkins_keep`.execute(trx);
        await sql`drop table checkins_keep`.execute(trx);
      }
      partitions += 1;
      checkins += total - keep;
    });
  }
  return { partitions, checkins };
}

/** A running daily partition job; `stop` cancels it. */
interface PartitionTimer {
  stop(): void;
}

/** Ensures next month's partition every day (PostgreSQL); logs table names only, never personal data. */
export function startPartitionTimer(db: Db, now: () => number, log: (message: string) => void): PartitionTimer {
  const timer = setInterval(() => {
    ensurePartitions(db, now()).then(
      (created) => created.length > 0 && log(`partitions: created ${created.join(', ')}`),
      (error: unknown) => log(`partitions: failed: ${error instanceof Error ? error.message : 'unknown error'}`),
    );
  }, DAY_MS).unref();
  return { stop: () => clearInterval(timer) };
}
