/**
 * The database a server test runs on: a temporary SQLite file, or — with TEST_DB=postgres (the
 * `server-pg` vitest project) — a fresh schema of its own on the PostgreSQL at 127.0.0.1:5432
 * (database `test`, trust auth), selected with `search_path` in the URL and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/server/db/database';

/** True when this run tests the PostgreSQL mode. */
export const onPostgres = process.env.TEST_DB === 'postgres';

/** The PostgreSQL server tests use (override with TEST_DATABASE_URL). */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** A database made for one test; `drop` removes it. */
export interface TestDatabase {
  target: DatabaseTarget;
  /** The SQLite file, or '' on PostgreSQL. */
  dbFile: string;
  /** A temporary directory the test may use (removed by `drop`). */
  dir: string;
  drop(): Promise<void>;
}

/** A connection URL whose sessions use `schema` (PostgreSQL's `options` startup parameter). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Creates an empty PostgreSQL schema with a unique name and returns its URL and a dropper. */
export async function createPgSchema(prefix = 't'): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlWithSchema(TEST_PG_URL, schema),
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh, empty database for one test on whichever engine this run tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tram-qr-test-'));
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  if (!onPostgres) {
    const dbFile = join(dir, 'checkpoints.sqlite');
    return { target: { dbFile }, dbFile, dir, drop: () => Promise.resolve(removeDir()) };
  }
  const schema = await createPgSchema();
  return {
    target: { databaseUrl: schema.url },
    dbFile: '',
    dir,
    async drop() {
      removeDir();
      await schema.drop();
    },
  };
}
