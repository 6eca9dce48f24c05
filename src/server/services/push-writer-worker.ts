/**
 * The push writer thread (see `push-writes.ts`): opens its own connection to the server's SQLite file and runs
 * the push writes it is sent, in group commits, answering each call after the commit that holds it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database';
import {
  inlinePushWrites,
  runPushWrite,
  type PushWriterAnswer,
  type PushWriterCall,
  type PushWriterData,
} from './push-writes';

/**
 * Waiting for the request thread's write lock holds up only this thread, and pushes wait for their answer anyway:
 * it waits longer than the request thread's connection would (a long console import, the retention purge).
 */
const WRITER_BUSY_TIMEOUT_MS = 30_000;

const db = openDatabase((workerData as PushWriterData).dbFile, { busyTimeoutMs: WRITER_BUSY_TIMEOUT_MS });
const writes = inlinePushWrites(db);

/** Runs one call; what it answers (the error's message and SQLite code when it fails). */
async function answer(call: Exclude<PushWriterCall, { op: 'close' }>): Promise<PushWriterAnswer> {
  try {
    return { id: call.id, ok: true, value: await runPushWrite(writes, call) };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    return { id: call.id, ok: false, message, ...(code === undefined ? {} : { code }) };
  }
}

parentPort?.on('message', (call: PushWriterCall) => {
  if (call.op === 'close') {
    void db.destroy().then(() => parentPort?.close());
    return;
  }
  void answer(call).then((reply) => parentPort?.postMessage(reply));
});
