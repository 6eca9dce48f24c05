/**
 * Where the CLI keeps things, and the default public URL.
 */
import { serverEnv } from '../env';
import { parseTrustProxy } from './trust-proxy';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
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
  const url = serverEnv().databaseUrl;
  return url ? { databaseUrl: url } : { dbFile: dbFileIn(dataDir) };
}

/**
 * `TRUST_PROXY` as Fastify's trustProxy (a hop count or an address list; see trust-proxy.ts); throws on anything else.
 */
export function trustProxyFromEnv(raw = serverEnv().trustProxy): number | string[] | undefined {
  const parsed = parseTrustProxy(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** `UNSEAL_THREADS` as a thread count (0–16); one per core when unset; throws on anything else. */
export function unsealThreadsFromEnv(raw = serverEnv().unsealThreads, cores = availableParallelism()): number {
  if (raw === undefined) return Math.min(cores, 16);
  if (!/^\d{1,2}$/.test(raw) || Number(raw) > 16)
    throw new Error(`UNSEAL_THREADS must be a whole number from 0 to 16, not "${raw}"`);
  return Number(raw);
}

/** `WRITER_THREAD` as a switch: on when unset or `1`, off for `0`; throws on anything else. */
export function writerThreadFromEnv(raw = serverEnv().writerThread): boolean {
  if (raw === undefined || raw === '1') return true;
  if (raw === '0') return false;
  throw new Error(`WRITER_THREAD must be 0 or 1, not "${raw}"`);
}
