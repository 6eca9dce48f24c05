/**
 * Benchmarks on PostgreSQL: a dedicated, freshly emptied schema per phase on `DATABASE_URL` (default
 * the machine's `postgres://root@127.0.0.1:5432/test`), selected with `search_path` in the URL.
 */
import pg from 'pg';

/** The PostgreSQL server benchmarks use. */
export const BENCH_PG_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Drops and re-creates `schema`, returning a URL whose sessions use it. */
export async function freshPgSchema(schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return pgSchemaUrl(schema);
}

/** A URL on BENCH_PG_URL whose sessions use `schema` (which must already exist to be useful). */
export function pgSchemaUrl(schema: string): string {
  const url = new URL(BENCH_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
