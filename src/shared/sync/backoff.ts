/** Retry timing for the sync engine: full-jitter exponential backoff that honours Retry-After. */

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 };

/** Full jitter: a uniformly random delay between 0 and min(cap, base · 2^failures). */
export function backoffDelay(
  failures: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before the next attempt: the jittered backoff, but never sooner than the server asked. */
export function nextRetryDelay(
  failures: number,
  retryAfterMs: number | null,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random?: () => number,
): number {
  const jittered = backoffDelay(failures, opts, random);
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered);
}
