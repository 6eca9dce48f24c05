/**
 * Runs the real district server as a child process (`node dist-server/cli.js start`, as deployed) for
 * tests that need real HTTP, real signals and a real database file: start, SIGKILL, restart, inspect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/db/database';
import { listAllCheckins } from '../../src/server/db/checkins-repo';
import type { StoredCheckIn } from '../../src/server/domain/types';
import { ROOT, runCli, SERVER_CLI } from './server-cli';

export type { StoredCheckIn };

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface StartServerOptions {
  /** Data directory (database inside); a fresh temporary one when omitted. */
  dataDir?: string;
  /** Port; a free one when omitted. Kept across restarts. */
  port?: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Extra CLI arguments after the defaults (e.g. `['--no-demo']`). */
  args?: string[];
  /** Options for node itself, before the script (e.g. `['--cpu-prof', '--cpu-prof-dir', dir]`). */
  nodeArgs?: string[];
}

export interface ServerProcess {
  /** `http://127.0.0.1:PORT`, as printed on the `listening on` line. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The enrolment link printed by the latest start, or null when it printed none. */
  readonly enrolLink: string | null;
  /** The process id of the latest start (the leader of its process group). */
  readonly pid: number | undefined;
  /** SIGTERM (graceful shutdown) and wait until the process is gone. */
  stop(): Promise<void>;
  /** Sends a signal (default SIGKILL) to the whole process group and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and data directory. */
  restart(): Promise<void>;
  /** Everything the process printed so far (stdout and stderr, all runs). */
  output(): string;
}

/** Process groups still running, killed when the test process exits. */
const running = new Set<number>();
process.on('exit', () => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGroupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  running.delete(pgid);
  return true;
}

interface Run {
  child: ChildProcess;
  url: string;
  enrolLink: string | null;
}

function spawnOnce(port: number, dataDir: string, options: StartServerOptions, log: { text: string }): Promise<Run> {
  const args = [
    ...(options.nodeArgs ?? []),
    SERVER_CLI,
    'start',
    '--port',
    String(port),
    '--data',
    dataDir,
    '--static',
    'dist',
    '--host',
    '127.0.0.1',
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) running.add(child.pid);
  const startAt = log.text.length;
  return new Promise<Run>((resolve, reject) => {
    const timer = setTimeout(() => {
      finish(
        new Error(`server did not print "listening on" within ${START_TIMEOUT_MS} ms:\n${log.text.slice(startAt)}`),
      );
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      log.text += chunk.toString('utf8');
      const mine = log.text.slice(startAt);
      const listening = mine.match(/^listening on (http:\/\/\S+)$/m);
      if (listening?.[1])
        finish(null, { child, url: listening[1], enrolLink: mine.match(/^enrolment link: (\S+)$/m)?.[1] ?? null });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish(new Error(`server exited (${signal ?? code}) before listening:\n${log.text.slice(startAt)}`));
    };
    let done = false;
    function finish(error: Error | null, run?: Run): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error || !run) {
        if (child.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
        reject(error ?? new Error('no run'));
      } else {
        resolve(run);
      }
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Starts `node dist-server/cli.js start` on a free port and a temporary data dir; resolves once it listens. */
export async function startServerProcess(options: StartServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tram-qr-server-'));
  let port = options.port ?? (await freePort());
  const log = { text: '' };

  const startWithRetry = async (firstStart: boolean): Promise<Run> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await spawnOnce(port, dataDir, options, log);
      } catch (error) {
        if (attempt < 20 && error instanceof Error && error.message.includes('EADDRINUSE')) {
          // A port we picked was taken meanwhile: pick another. A restart keeps its port, which a
          // just-killed process can hold for a moment.
          if (firstStart && options.port === undefined) port = await freePort();
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        throw error;
      }
    }
  };

  let run = await startWithRetry(true);
  let alive = true;

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const pgid = run.child.pid;
    if (!alive || pgid === undefined) return;
    alive = false;
    if (groupAlive(pgid)) process.kill(-pgid, signal);
    if (!(await waitGroupGone(pgid, STOP_TIMEOUT_MS)) && groupAlive(pgid)) {
      process.kill(-pgid, 'SIGKILL');
      await waitGroupGone(pgid, STOP_TIMEOUT_MS);
    }
  };

  return {
    get url() {
      return run.url;
    },
    get port() {
      return port;
    },
    dataDir,
    get enrolLink() {
      return run.enrolLink;
    },
    get pid() {
      return run.child.pid;
    },
    async stop() {
      const pgid = run.child.pid;
      if (!alive || pgid === undefined) return;
      alive = false;
      // SIGTERM: the server closes Fastify and the database.
      run.child.kill('SIGTERM');
      if (!(await waitGroupGone(pgid, STOP_TIMEOUT_MS))) {
        process.kill(-pgid, 'SIGKILL');
        await waitGroupGone(pgid, STOP_TIMEOUT_MS);
      }
    },
    kill,
    async restart() {
      await kill('SIGKILL');
      run = await startWithRetry(false);
      alive = true;
    },
    output: () => log.text,
  };
}

/** Issues a fresh enrolment link for a checkpoint through the CLI (`enrol-link`). */
export async function createEnrolLink(dataDir: string, checkpointCode: string, publicUrl: string): Promise<string> {
  const { stdout } = await runCli(
    'enrol-link',
    '--checkpoint',
    checkpointCode,
    '--data',
    dataDir,
    '--public-url',
    publicUrl,
  );
  const link = stdout.match(/^enrolment link: (\S+)$/m)?.[1];
  if (!link) throw new Error(`enrol-link printed no link:\n${stdout}`);
  return link;
}

/** The check-ins the server stored, read from its SQLite file through a read-only connection. */
export async function readCheckins(dataDir: string): Promise<StoredCheckIn[]> {
  const db = openDatabase(join(dataDir, 'checkpoints.sqlite'), { readonly: true });
  try {
    return await listAllCheckins(db);
  } finally {
    await db.destroy();
  }
}

/** Removes a data directory made by `startServerProcess` (stop the server first). */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
