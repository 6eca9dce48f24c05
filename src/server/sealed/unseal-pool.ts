/**
 * Opening sealed items on several cores. One HPKE open is about 0.2 ms of CPU, most of it the P-256
 * key agreement, so a push of 500 sealed items costs 100 ms on the request thread. The pool splits a
 * push's boxes over worker threads that hold the private keys; small pushes, and a server started
 * with no threads (tests that build the app in-process), open on the calling thread. A worker that
 * fails takes nothing with it: its boxes are opened on the calling thread instead.
 */
import type { Worker } from 'node:worker_threads';
import { startServerThread } from '../db/thread-entry';
import type { SealedBox } from '../../shared/sealed/hpke';
import { openerFor, type X25519Half } from './native-hpke';

/** One box to open, with the additional data it was sealed with. */
export interface OpenRequest {
  box: SealedBox;
  aad: string;
}

/** A district private key as handed to workers (the key file's fields, and its X25519 half). */
export interface PoolKey {
  kid: string;
  privateKey: string;
  x25519?: X25519Half;
}

/** What a worker starts with. */
export interface UnsealWorkerData {
  keys: PoolKey[];
}

/** A message to a worker: boxes to open. */
export interface UnsealJob {
  id: number;
  requests: OpenRequest[];
}

/** Opens boxes, spread over threads when there are enough of them. */
interface UnsealPool {
  /** Opens every request; each answer is the plain text, or null when it does not open. */
  openMany(requests: OpenRequest[]): Promise<(string | null)[]>;
  /** How many worker threads are running (for the health of the pool, and tests). */
  threadsRunning(): number;
  /** Stops the worker threads. */
  close(): Promise<void>;
}

/** A worker that has not answered a job by then is passed by: the job opens on the calling thread. */
const JOB_TIMEOUT_MS = 20_000;

/** Below this many boxes a push is opened on the calling thread: posting to workers would cost more. */
const MIN_SPLIT = 64;

/** Starts one worker (bundled beside the CLI, or from the TypeScript source under tsx). */
function startWorker(workerData: UnsealWorkerData): Worker {
  return startServerThread(import.meta.url, 'unseal-worker', workerData);
}

interface PoolWorker {
  worker: Worker;
  alive: boolean;
  pending: Map<number, { resolve: (texts: (string | null)[]) => void; reject: (error: Error) => void }>;
}

/**
 * Starts a pool of `threads` workers holding `keys` (0 threads: everything opens on the calling thread);
 * `onFailure` hears of a worker that could not start or stopped.
 */
export function createUnsealPool(
  keys: PoolKey[],
  threads: number,
  onFailure: (message: string) => void = () => {},
  jobTimeoutMs = JOB_TIMEOUT_MS,
): UnsealPool {
  const open = openerFor(keys);
  const openHere = (requests: OpenRequest[]) => Promise.all(requests.map((r) => open(r.box, r.aad)));

  let nextJob = 1;
  let closing = false;
  const workers: PoolWorker[] = [];
  for (let i = 0; i < threads; i++) {
    let worker: Worker;
    try {
      worker = startWorker({ keys });
    } catch (error) {
      onFailure(`unseal threads could not start (${String(error)}); sealed check-ins open on the main thread`);
      break;
    }
    const entry: PoolWorker = { worker, alive: true, pending: new Map() };
    const fail = (error: Error) => {
      if (entry.alive && !closing)
        onFailure(`an unseal thread stopped (${error.message}); its work opens on the main thread`);
      entry.alive = false;
      for (const job of entry.pending.values()) job.reject(error);
      entry.pending.clear();
    };
    entry.worker.on('message', (message: { id: number; texts: (string | null)[] }) => {
      entry.pending.get(message.id)?.resolve(message.texts);
      entry.pending.delete(message.id);
      if (entry.pending.size === 0) entry.worker.unref();
    });
    entry.worker.on('error', fail);
    entry.worker.on('exit', () => fail(new Error('unseal worker stopped')));
    // An idle pool never keeps the process alive on its own (a worker with jobs out does).
    entry.worker.unref();
    workers.push(entry);
  }

  /** Sends one slice to a worker; opened here when the worker is gone or fails on the way. */
  const openOn = (entry: PoolWorker, requests: OpenRequest[]): Promise<(string | null)[]> => {
    if (!entry.alive) return openHere(requests);
    const id = nextJob++;
    return new Promise<(string | null)[]>((resolve, reject) => {
      // A hung worker must not hold the push: past the timeout the job is opened here (a late answer is dropped).
      const timer = setTimeout(() => {
        entry.pending.delete(id);
        onFailure(`an unseal thread did not answer within ${jobTimeoutMs} ms; its job opens on the main thread`);
        reject(new Error('timeout'));
      }, jobTimeoutMs);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          fn(value);
        };
      entry.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      entry.worker.ref();
      entry.worker.postMessage({ id, requests } satisfies UnsealJob);
    }).catch(() => openHere(requests));
  };

  return {
    async openMany(requests) {
      const alive = workers.filter((w) => w.alive);
      if (alive.length === 0 || requests.length < MIN_SPLIT) return openHere(requests);
      const size = Math.ceil(requests.length / alive.length);
      const slices = alive.map((entry, i) => openOn(entry, requests.slice(i * size, (i + 1) * size)));
      return (await Promise.all(slices)).flat();
    },
    threadsRunning: () => workers.filter((w) => w.alive).length,
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
      for (const w of workers) w.alive = false;
    },
  };
}
