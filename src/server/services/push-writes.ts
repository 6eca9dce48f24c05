/**
 * Where a push's writes run: the push transaction (`push-store.ts`) and the claim of its proof id.
 *
 * - Inline (PostgreSQL; SQLite with `WRITER_THREAD=0`, in memory, or built in-process by most tests; the writer
 *   thread's fallback): on the request thread, through the database's write queue (group commit on SQLite,
 *   pooled transactions on PostgreSQL).
 * - Writer thread (the CLI's `start` on SQLite): a worker thread with its own connection to the same file
 *   runs the same code behind the same group commit, while the request thread parses, validates and judges
 *   the next pushes. SQLite's B-tree work and fsyncs were 2.4 of the 5–6 s a 100,000-check-in ingest took on
 *   the request thread; on a second core they overlap with the JavaScript of the next pushes.
 *
 * A push is still answered only after the transaction holding it committed: the thread answers after its
 * commit. If the thread stops, its unanswered pushes fail with `PushStoreUnavailable` (the device keeps
 * them and sends them again: the ids make that harmless) and the next push starts a new thread; threads that
 * stop without ever answering hand over to the fallback. While the writer thread holds the write lock, a write
 * of the request thread's own connection (console, enrolment, the forwarder) waits for it, blocking that thread
 * for at most one group commit.
 */
import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/database';
import { createCheckinWriter } from '../db/checkins-repo';
import { claimProofId } from '../db/devices-repo';
import { startServerThread } from '../db/thread-entry';
import { createWriteQueue } from '../db/write-queue';
import { storePush, type PushPlan, type StoredPush } from './push-store';

/** The writes of pushes, wherever they run. */
export interface PushWrites {
  /** Runs the transaction of one push; resolves after its commit (null when the quota has nothing left). */
  storePush(plan: PushPlan): Promise<StoredPush | null>;
  /** Uses up a device's proof id; false when it was used before (a replay). */
  claimProof(deviceId: string, jti: string, at: number): Promise<boolean>;
  /** Waits for the writes under way, then stops (the thread and its connection, when there is one). */
  close(): Promise<void>;
}

/** The push writes on this thread, through the database's write queue (shared by pushes and proof claims). */
export function inlinePushWrites(db: Db): PushWrites {
  const queue = createWriteQueue(db);
  const writer = createCheckinWriter();
  return {
    storePush: (plan) => queue.run((trx) => storePush(trx, writer, plan)),
    claimProof: (deviceId, jti, at) => queue.run((trx) => claimProofId(trx, deviceId, jti, at)),
    close: async () => {},
  };
}

/** The writer thread stopped before answering: the push was not acknowledged and can be sent again. */
export class PushStoreUnavailable extends Error {
  override readonly name = 'PushStoreUnavailable';
  /** Answered 503 `store_unavailable` with Retry-After (`http/errors.ts`). */
  readonly code = 'TRAM_STORE_UNAVAILABLE';
}

/** What the writer thread starts with. */
export interface PushWriterData {
  dbFile: string;
}

/** A call to the writer thread (`close`: finish, close the connection and stop). */
export type PushWriterCall =
  | { id: number; op: 'storePush'; plan: PushPlan }
  | { id: number; op: 'claimProof'; deviceId: string; jti: string; at: number }
  | { id: 0; op: 'close' };

/** A call without its id, as the request thread makes it. */
type PushWriterRequest =
  { op: 'storePush'; plan: PushPlan } | { op: 'claimProof'; deviceId: string; jti: string; at: number };

/** Runs a call on `writes` (the writer thread's, or the fallback on the request thread). */
export function runPushWrite(writes: PushWrites, call: PushWriterRequest): Promise<StoredPush | null | boolean> {
  return call.op === 'storePush' ? writes.storePush(call.plan) : writes.claimProof(call.deviceId, call.jti, call.at);
}

/** The writer thread's answer to a call: its value, or the error it failed with. */
export type PushWriterAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; code?: string };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A running writer thread and the calls it has not answered yet. */
interface WriterThread {
  worker: Worker;
  pending: Map<number, Pending>;
  stopped: Promise<void>;
  alive: boolean;
}

/** Rebuilds, on this side, an error the thread sent back (its message and SQLite code). */
function errorFrom(answer: { message: string; code?: string }): Error {
  return Object.assign(new Error(answer.message), answer.code === undefined ? {} : { code: answer.code });
}

/** The push writes on a thread of their own, and that thread (for tests). */
interface ThreadPushWrites extends PushWrites {
  /** The running writer thread; null after it stopped, until the next call starts another. */
  thread(): Worker | null;
}

/** How the writer thread is run. */
interface ThreadOptions {
  /**
   * Where pushes go once threads have stopped `MAX_SILENT_STARTS` times in a row without answering anything (the
   * worker file missing from a hand-copied `dist-server/`, a thread that cannot open the file): the request thread.
   */
  fallback?: () => PushWrites;
  /** Hears of a thread that stopped, and of the fallback. */
  onFailure?: (message: string) => void;
}

/** Threads that stop one after the other without answering a single call before the fallback takes over. */
const MAX_SILENT_STARTS = 2;

/**
 * The push writes on a thread of their own, with its own connection to the SQLite file `dbFile` (already migrated).
 */
export function threadPushWrites(dbFile: string, options: ThreadOptions = {}): ThreadPushWrites {
  const onFailure = options.onFailure ?? (() => {});
  let thread: WriterThread | null = null;
  let nextId = 1;
  let closing = false;
  let silentStops = 0;
  let fallback: PushWrites | null = null;

  const start = (): WriterThread => {
    const worker = startServerThread(import.meta.url, 'push-writer-worker', { dbFile } satisfies PushWriterData);
    const pending = new Map<number, Pending>();
    let stoppedNow = () => {};
    let answered = false;
    const entry: WriterThread = { worker, pending, alive: true, stopped: new Promise((r) => (stoppedNow = r)) };
    const fail = (reason: string) => {
      if (!entry.alive) return;
      entry.alive = false;
      if (thread === entry) thread = null;
      if (!closing || pending.size > 0) onFailure(`the push writer thread stopped (${reason})`);
      for (const call of pending.values())
        call.reject(new PushStoreUnavailable(`push writer thread stopped: ${reason}`));
      pending.clear();
      silentStops = answered ? 0 : silentStops + 1;
      if (!closing && !fallback && options.fallback && silentStops >= MAX_SILENT_STARTS) {
        fallback = options.fallback();
        onFailure(
          `the push writer thread stopped ${silentStops} times without answering; pushes are stored on the request thread`,
        );
      }
    };
    worker.on('message', (answer: PushWriterAnswer) => {
      answered = true;
      const call = pending.get(answer.id);
      if (!call) return;
      pending.delete(answer.id);
      if (answer.ok) call.resolve(answer.value);
      else call.reject(errorFrom(answer));
      // An idle thread does not keep the process alive on its own (one with calls out does).
      if (pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      fail(`exit code ${code}`);
      stoppedNow();
    });
    worker.unref();
    return entry;
  };

  /** Calls sent and not settled yet (close waits for them). */
  const inFlight = new Set<Promise<unknown>>();

  const call = <T>(message: PushWriterRequest): Promise<T> => {
    if (closing) return Promise.reject(new PushStoreUnavailable('the server is stopping'));
    if (fallback) return runPushWrite(fallback, message) as Promise<T>;
    const current = thread ?? (thread = start());
    const id = nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      current.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      current.worker.ref();
      try {
        current.worker.postMessage({ ...message, id } as PushWriterCall);
      } catch (error) {
        // Not sent (a value that cannot be cloned): nothing waits for this call.
        current.pending.delete(id);
        if (current.pending.size === 0) current.worker.unref();
        throw error;
      }
    });
    const settled: Promise<unknown> = answer.then(
      () => inFlight.delete(settled),
      () => inFlight.delete(settled),
    );
    inFlight.add(settled);
    return answer;
  };

  // Started now, not at the first push: loading the thread's modules and opening its connection take a while.
  thread = start();
  return {
    storePush: (plan) => call<StoredPush | null>({ op: 'storePush', plan }),
    claimProof: (deviceId, jti, at) => call<boolean>({ op: 'claimProof', deviceId, jti, at }),
    thread: () => thread?.worker ?? null,
    async close() {
      closing = true;
      // Every call sent is answered first: a push in the thread's queue is committed, never cut off.
      await Promise.all([...inFlight]);
      await fallback?.close();
      const current = thread;
      if (!current) return;
      current.worker.ref();
      current.worker.postMessage({ id: 0, op: 'close' } satisfies PushWriterCall);
      await current.stopped;
    },
  };
}
