/**
 * Where the CLI keeps things, and the default public URL.
 */
import { join, resolve } from 'node:path';
import type { DatabaseTarget } from '../db/database';

/** The database file inside a data directory. */
export function dbFileIn(dataDir: string): string {
  return join(resolve(dataDir), 'checkpoints.sqlite');
}

/** The URL to print when none was given: localhost for wildcard hosts, else the host itself. */
export function defaultPublicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** The database the CLI works on: `DATABASE_URL` (PostgreSQL) when set, else the SQLite file in the data directory. */
export function databaseTargetIn(dataDir: string): DatabaseTarget {
  const url = process.env.DATABASE_URL;
  return url ? { databaseUrl: url } : { dbFile: dbFileIn(dataDir) };
}

/** `TRUST_PROXY` as Fastify's trustProxy: unset → undefined, "true"/"false", else a comma-separated address list. */
export function trustProxyFromEnv(raw = process.env.TRUST_PROXY): boolean | string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}
