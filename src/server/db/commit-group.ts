/**
 * Group commit: write work queued while a transaction is running is committed together in the next
 * transaction, so concurrent pushes share one fsync instead of paying one each. Every caller's
 * promise settles only after the transaction holding its work has committed.
 */
import type { Db } from './database';

interface Job<T> {
  work: (trx: Db) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** Most units of work committed in one transaction (bounds transaction size and latency). */
const MAX_JOBS_PER_COMMIT = 16;

/** Queues write work and commits it in shared transactions. */
export class CommitGroup {
  readonly #db: Db;
  readonly #queue: Job<unknown>[] = [];
  #draining = false;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Runs `work` inside a transaction (possibly shared with other work); resolves after the commit. */
  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve, reject } as Job<unknown>);
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const jobs = this.#queue.splice(0, MAX_JOBS_PER_COMMIT);
        try {
          const results = await this.#commit(jobs);
          jobs.forEach((job, i) => job.resolve(results[i]));
        } catch (error) {
          if (jobs.length === 1) {
            jobs[0]?.reject(error);
            continue;
          }
          // One failing unit must not sink the others: retry each in its own transaction.
          for (const job of jobs) {
            try {
              const [result] = await this.#commit([job]);
              job.resolve(result);
            } catch (own) {
              job.reject(own);
            }
          }
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  #commit(jobs: Job<unknown>[]): Promise<unknown[]> {
    return this.#db.transaction().execute(async (trx) => {
      const results: unknown[] = [];
      for (const job of jobs) results.push(await job.work(trx));
      return results;
    });
  }
}
