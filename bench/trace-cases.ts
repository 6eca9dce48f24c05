/**
 * What bench:trace and bench:trace-plans share: where the data set lives, the traced window and the cases
 * (the same seeded pick of person keys seen in the window, in bytewise order, on either database).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSqlite } from '../src/server/db/database';
import { seededRandom } from '../src/shared/seeded-random';

const DAY = 86_400_000;
/** Midnight (Vietnam, UTC+7) after the last generated day. */
export const TRACE_END = Date.UTC(2026, 10, 28, 17, 0, 0);
/** The traced infectious window: the last 14 days. */
export const TRACE_FROM = TRACE_END - 14 * DAY;

/** The SQLite file of a data set of `rows` check-ins in a layout (`rowid` is the migrations' own). */
export function traceFile(rows: number, layout: string): string {
  return join(tmpdir(), `tram-qr-bench-trace-${rows}${layout === 'rowid' ? '' : `-${layout}`}.sqlite`);
}

/** The PostgreSQL schema of a data set of `rows` check-ins. */
export function traceSchema(rows: number, layout = 'id-month'): string {
  return layout === 'id-month' ? `bench_trace_${rows}` : `bench_trace_${rows}_${layout.replace(/-/g, '_')}`;
}

/** Person keys that checked in during the window, bytewise order (SQLite's BINARY collation), at most 200,000. */
export function caseKeysSqlite(file: string): string[] {
  const sqlite = openSqlite(file, { readonly: true });
  try {
    return (
      sqlite
        .prepare(
          `select distinct person_key from checkins where corrected_time >= ? and kind = 'in' order by person_key limit 200000`,
        )
        .all(TRACE_FROM) as { person_key: string }[]
    ).map((r) => r.person_key);
  } finally {
    sqlite.close();
  }
}

/** The same keys on PostgreSQL, in the same order ("C" collation). */
export async function caseKeysPostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ person_key: string }>(
      `select distinct person_key collate "C" as person_key from checkins where corrected_time >= $1 and kind = 'in' order by 1 limit 200000`,
      [TRACE_FROM],
    );
    return rows.map((r) => r.person_key);
  } finally {
    await client.end();
  }
}

/** The first `count` cases of the benchmark's seeded pick. */
export function pickCases(keys: readonly string[], count: number): string[] {
  const rand = seededRandom(7);
  return Array.from({ length: count }, () => keys[Math.floor(rand() * keys.length)] as string);
}

/**
 * Reads the whole file once so the traces start from the operating system's page cache, as on a district server
 * with memory to spare for its one file (several data sets on one test machine evict each other otherwise, and
 * the figure would be of the disk).
 */
export function warm(file: string): void {
  const buffer = Buffer.alloc(64 * 1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}
