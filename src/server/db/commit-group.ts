/**
 * Group commit: write work from concurrent requests is committed together in one transaction, so
 * they share one fsync instead of paying one each. A transaction starts on the next turn of the
 * event loop (setImmediate), after every request that is ready has queued its work. Each caller's
 * promise settles only after the transaction holding its work has committed.
 */
import { isLockTimeout, type Db } from './database';

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
  #scheduled = false;
  #flushing = false;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Runs `work` inside a transaction (possibly shared with other work); resolves after the commit. */
  run<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve, reject } as Job<unknown>);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing) return;
    this.#scheduled = true;
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    this.#flushing = true;
    const jobs = this.#queue.splice(0, MAX_JOBS_PER_COMMIT);

    try {
      const results = await this.#commit(jobs);
      jobs.forEach((job, i) => job.resolve(results[i]));
    } catch (error) {
      if (jobs.length === 1 || isLockTimeout(error)) {
        // A lock that could not be taken is nobody's fault and would stall each unit again: all fail at once.
        for (const job of jobs) job.reject(error);
      } else {
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
    } finally {
      this.#flushing = false;
      if (this.#queue.length > 0) this.#schedule();
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
