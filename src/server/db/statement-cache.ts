/**
 * better-sqlite3 as Kysely sees it, with prepared statements cached by SQL text. Kysely's SQLite
 * driver prepares every query it runs; compiling the same SQL again for each push (a 500-row insert
 * is ~40 KB of SQL) is wasted work. Kysely only emits parameterised SQL, so the set of distinct
 * statements stays small; an LRU bound keeps it so.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Wraps a better-sqlite3 handle so that `prepare` returns a cached statement for SQL seen before. */
export function withStatementCache(sqlite: BetterSqlite3.Database, maxStatements = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql); // re-insert: most recently used last
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > maxStatements) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}
