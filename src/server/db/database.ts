/**
 * Opens the SQLite database behind Kysely. Durability first: WAL with synchronous=FULL, so a
 * committed transaction survives power loss and an acknowledged check-in is never lost.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type LogConfig,
} from 'kysely';
import { OwnSchemaPostgresDialect } from './own-schema-dialect';
import pg from 'pg';
import type { DatabaseSchema } from './schema';
import { withStatementCache } from './statement-cache';

export type Db = Kysely<DatabaseSchema>;

interface OpenOptions {
  /** Open without write access (for inspection); skips the pragmas that write. */
  readonly?: boolean;
  /** How long to wait for another connection's write lock, ms (default `BUSY_TIMEOUT_MS`). */
  busyTimeoutMs?: number;
  /** Kysely's query log: every statement run, with its time (bench:trace-plans records a trace's statements). */
  log?: LogConfig;
}

/** Which database a server runs on: a SQLite file (one district) or a PostgreSQL URL (province and up). */
export interface DatabaseTarget {
  /** SQLite database file (created and migrated when missing). */
  dbFile?: string;
  /** `postgres://…` connection URL; wins over `dbFile`. `?options=-c search_path=…` selects a schema. */
  databaseUrl?: string;
}

/** The SQL dialect behind a Kysely instance. */
type DialectName = 'sqlite' | 'postgres';

/** Tells whether a Kysely instance (or transaction) talks to PostgreSQL or SQLite. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Opens the database a target names: PostgreSQL when it has a URL, else the SQLite file. */
export function openTarget(target: DatabaseTarget, options: OpenOptions = {}): Db {
  if (target.databaseUrl) return openPostgres(target.databaseUrl);
  if (target.dbFile) return openDatabase(target.dbFile, options);
  throw new Error('no database: set a SQLite file or DATABASE_URL');
}

/** PostgreSQL's int8 type id: our timestamps and counts, returned as JS numbers (ms timestamps fit in 2^53). */
const INT8_OID = 20;

/** Connects a pool to PostgreSQL behind Kysely; bigint columns come back as numbers, like SQLite's. */
export function openPostgres(url: string, poolSize = 10, log?: LogConfig): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<DatabaseSchema>({ dialect: new OwnSchemaPostgresDialect({ pool }), ...(log ? { log } : {}) });
}

/** SQLite page cache per connection, KiB (128 MiB). */
const PAGE_CACHE_KIB = 131_072;
/** Memory-mapped window of the database file, bytes (2 GiB; the OS pages it in on demand). */
const MMAP_BYTES = 2 ** 31;

/** How long a connection waits for another connection's write lock before failing (SQLITE_BUSY), ms. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * True for SQLite's "database is locked": another connection held the write lock past the busy timeout (better-sqlite3's
 * `SQLITE_BUSY` and its extended codes, `_RECOVERY`, `_SNAPSHOT`, `_TIMEOUT`). Nothing was written; the work can run again.
 */
export function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
}

/** Opens (creating if needed) the SQLite file with the server's pragmas and wraps it in Kysely. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return wrapSqlite(openSqlite(file, options), options.log);
}

/**
 * Kysely's SQLite driver with write transactions that take the write lock when they begin (`BEGIN IMMEDIATE`).
 * The server has two connections that write, this thread's and the push writer thread's
 * (`services/push-writes.ts`): a deferred transaction that read before the other connection committed could not
 * write any more (SQLITE_BUSY at once, no waiting), while an immediate one waits for the lock (`busy_timeout`).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite for Kysely, its transactions immediate (see `ImmediateSqliteDriver`). */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];

  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Puts Kysely over an already opened better-sqlite3 handle, statements cached (destroying the Kysely closes it). */
export function wrapSqlite(sqlite: BetterSqlite3.Database, log?: LogConfig): Db {
  const config = { database: withStatementCache(sqlite) };
  // A read-only handle cannot take the write lock: its transactions (if any) stay deferred.
  const dialect = sqlite.readonly ? new SqliteDialect(config) : new ImmediateSqliteDialect(config);
  return new Kysely<DatabaseSchema>({ dialect, ...(log ? { log } : {}) });
}

/** Opens the raw better-sqlite3 handle with the pragmas every connection of this server uses. */
export function openSqlite(file: string, options: OpenOptions = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  // Tracing reads thousands of rows near each visit: a large page cache and memory-mapped reads keep
  // those row lookups in memory instead of one read() per page (writes still go through the WAL).
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  }
  return sqlite;
}
