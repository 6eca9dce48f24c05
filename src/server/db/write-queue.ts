/**
 * Where write transactions come from, per database. SQLite has one writer: concurrent pushes share
 * group commits (`CommitGroup`). PostgreSQL takes concurrent writers from the pool, so each unit of
 * work gets its own transaction; a deadlock or serialization failure (two instances writing
 * overlapping batches) is retried a few times, the work being idempotent.
 */
import { CommitGroup } from './commit-group';
import { dialectOf, type Db } from './database';

/** Runs write work in a transaction and resolves after its commit. */
interface WriteQueue {
  /** Runs `work` inside a transaction (possibly shared on SQLite); resolves after the commit. */
  run<T>(work: (trx: Db) => Promise<T>): Promise<T>;
}

/** SQLSTATEs worth a retry: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && RETRYABLE.has(String(error.code));
}

/** The write queue for a database: group commit on SQLite, one pooled transaction per unit on PostgreSQL. */
export function createWriteQueue(db: Db): WriteQueue {
  if (dialectOf(db) !== 'postgres') return new CommitGroup(db);
  return {
    async run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(work);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        }
      }
    },
  };
}
