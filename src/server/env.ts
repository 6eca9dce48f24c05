/**
 * The one place the server reads its environment (`scripts/check-env.mjs` fails on `process.env`
 * anywhere else in src/server): each setting by name, as the process was started.
 */

/** The server's settings from the environment (unset ones are undefined). */
export interface ServerEnv {
  /** `DATABASE_URL`: PostgreSQL instead of the SQLite file in the data directory. */
  databaseUrl?: string;
  /** `DISTRICT_KEY_DIR`: where the district key pairs live (docs/security.md). */
  districtKeyDir?: string;
  /** `TRUST_PROXY`: a hop count or address list of trusted reverse proxies. */
  trustProxy?: string;
  /** `FORWARD_URL` and `FORWARD_TOKEN`: the upper tier this server forwards to. */
  forwardUrl?: string;
  forwardToken?: string;
  /** `UNSEAL_THREADS`: worker threads opening sealed check-ins (default: one per core). */
  unsealThreads?: string;
  /** `WRITER_THREAD`: `0` stores pushes on the request thread instead of a writer thread (SQLite; default on). */
  writerThread?: string;
}

/** Reads the settings from `env` (the process's environment unless a test gives another). */
export function serverEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const value = (name: string) => env[name] || undefined;
  return {
    databaseUrl: value('DATABASE_URL'),
    districtKeyDir: value('DISTRICT_KEY_DIR'),
    trustProxy: value('TRUST_PROXY'),
    forwardUrl: value('FORWARD_URL'),
    forwardToken: value('FORWARD_TOKEN'),
    unsealThreads: value('UNSEAL_THREADS'),
    writerThread: value('WRITER_THREAD'),
  };
}
