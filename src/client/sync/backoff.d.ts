/** Retry timing for the sync engine: full-jitter exponential backoff that honours Retry-After. */
export interface BackoffOptions {
    baseMs: number;
    capMs: number;
}
export declare const DEFAULT_BACKOFF: BackoffOptions;
/** Full jitter: a uniformly random delay between 0 and min(cap, base · 2^failures). */
export declare function backoffDelay(failures: number, opts?: BackoffOptions, random?: () => number): number;
/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds from now; null when absent or unreadable. */
export declare function parseRetryAfter(header: string | null | undefined, now?: number): number | null;
/** The wait before the next attempt: the jittered backoff, but never sooner than the server asked. */
export declare function nextRetryDelay(failures: number, retryAfterMs: number | null, opts?: BackoffOptions, random?: () => number): number;
