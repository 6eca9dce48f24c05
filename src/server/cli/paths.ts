/**
 * Where the CLI keeps things, and the default public URL.
 */
import { join, resolve } from 'node:path';

/** The database file inside a data directory. */
export function dbFileIn(dataDir: string): string {
  return join(resolve(dataDir), 'checkpoints.sqlite');
}

/** The URL to print when none was given: localhost for wildcard hosts, else the host itself. */
export function defaultPublicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
