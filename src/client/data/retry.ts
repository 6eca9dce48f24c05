/**
 * IndexedDB connections die under the app (iOS after backgrounding, a browser closing the database).
 * Dexie reopens on the next call; this wrapper retries an operation once the connection is back.
 */
import { appDb } from './db';

const RETRYABLE = new Set(['DatabaseClosedError', 'InvalidStateError', 'UnknownError', 'TransactionInactiveError']);

/** Runs a database operation, reopening the database and retrying when the connection was lost. */
export async function withDbRetry<T>(op: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
      if (attempt >= attempts || !(RETRYABLE.has(name) || RETRYABLE.has(inner))) throw error;
      const db = appDb();
      if (!db.isOpen()) await db.open();
    }
  }
}
