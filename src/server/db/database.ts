/**
 * Opens the SQLite database behind Kysely. Durability first: WAL with synchronous=FULL, so a
 * committed transaction survives power loss and an acknowledged check-in is never lost.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseSchema } from './schema';
import { withStatementCache } from './statement-cache';

export type Db = Kysely<DatabaseSchema>;

export interface OpenOptions {
  /** Open without write access (for inspection); skips the pragmas that write. */
  readonly?: boolean;
}

/** How long a connection waits for another process's write lock before failing, ms. */
const BUSY_TIMEOUT_MS = 5_000;

/** Opens (creating if needed) the SQLite file with the server's pragmas and wraps it in Kysely. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return wrapSqlite(openSqlite(file, options));
}

/** Puts Kysely over an already opened better-sqlite3 handle, statements cached (destroying the Kysely closes it). */
export function wrapSqlite(sqlite: BetterSqlite3.Database): Db {
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Opens the raw better-sqlite3 handle with the pragmas every connection of this server uses. */
export function openSqlite(file: string, options: OpenOptions = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  }
  return sqlite;
}
