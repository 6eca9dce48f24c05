/**
 * The storage baseline of `npm run bench:ingest`: stored check-ins inserted straight into the database,
 * bypassing HTTP, validation and the ingest service, in fixed-size transactions. Rows are built before
 * the clock starts (`prepareCheckins`) and stay opaque outside the data layer.
 */
import type { StoredCheckIn } from '../domain/types';
import { countCheckins, toCheckinRow } from './checkins-repo';
import { openSqlite, openTarget, wrapSqlite, type DatabaseTarget } from './database';
import type { NewCheckinRow } from './schema';

/** Check-ins converted to rows ahead of a timed insert. */
interface PreparedCheckins {
  readonly count: number;
  readonly rows: readonly NewCheckinRow[];
}

/** A raw inserter on one database. */
interface DirectInserter {
  /** How the rows go in, for the benchmark's report. */
  readonly method: string;
  /** Inserts the rows in transactions of `txnRows`. */
  insert(prepared: PreparedCheckins): Promise<void>;
  /** Check-ins now stored. */
  count(): Promise<number>;
  close(): Promise<void>;
}

/** Converts check-ins to table rows (done before timing). */
export function prepareCheckins(items: readonly StoredCheckIn[]): PreparedCheckins {
  return { count: items.length, rows: items.map(toCheckinRow) };
}

/** SQLite: one prepared INSERT run per row inside better-sqlite3 transactions; PostgreSQL: 100-row Kysely INSERTs. */
export function openDirectInserter(target: DatabaseTarget, txnRows: number): DirectInserter {
  if (target.databaseUrl) {
    const db = openTarget(target);
    return {
      method: '100-row Kysely INSERTs',
      async insert({ rows }) {
        for (let i = 0; i < rows.length; i += txnRows) {
          const chunk = rows.slice(i, i + txnRows);
          await db.transaction().execute(async (trx) => {
            for (let j = 0; j < chunk.length; j += 100)
              await trx
                .insertInto('checkins')
                .values(chunk.slice(j, j + 100))
                .execute();
          });
        }
      },
      count: () => countCheckins(db),
      close: () => db.destroy(),
    };
  }
  if (!target.dbFile) throw new Error('direct insert needs a database file or URL');
  const sqlite = openSqlite(target.dbFile);
  const kysely = wrapSqlite(sqlite);
  let insertMany: ((chunk: readonly NewCheckinRow[]) => void) | null = null;
  const prepareFor = (first: NewCheckinRow) => {
    const columns = Object.keys(first) as (keyof NewCheckinRow)[];
    const { sql } = kysely.insertInto('checkins').values(first).compile();
    const insert = sqlite.prepare(sql);
    return sqlite.transaction((chunk: readonly NewCheckinRow[]) => {
      for (const row of chunk) insert.run(columns.map((c) => row[c] ?? null));
    });
  };
  return {
    method: 'one prepared INSERT',
    async insert({ rows }) {
      const first = rows[0];
      if (!first) return;
      insertMany ??= prepareFor(first);
      for (let i = 0; i < rows.length; i += txnRows) insertMany(rows.slice(i, i + txnRows));
    },
    count: async () => (sqlite.prepare('SELECT count(*) AS n FROM checkins').get() as { n: number }).n,
    close: () => kysely.destroy(),
  };
}
