/** HTTP outcome classification of the sync client: one place that decides retry vs stop for every sender. */
import { parseRetryAfter } from './backoff';
import type { RetryErrorCode, StopErrorCode } from './errors';

/** Try again later; nothing was lost. */
export interface RetryOutcome {
  type: 'retry';
  error: RetryErrorCode;
  retryAfterMs: number | null;
}

/** Retrying the same request will not help until something changes (token, app version). */
export interface StopOutcome {
  type: 'stop';
  error: StopErrorCode;
  message: string;
}

/** A request that did not succeed. */
export type FailedOutcome = RetryOutcome | StopOutcome;

/**
 * A non-2xx answer: 401 unauthorized, 403 revoked, 429 busy and 408/5xx retry (Retry-After honoured), other 4xx
 * bad request, except a replayed device proof (the network delivered one request twice; the copy that
 * got through was judged, and pushes are idempotent): retried with a fresh proof.
 */
export function classifyStatus(
  status: number,
  retryAfterHeader: string | null,
  message: string,
  code?: string,
): FailedOutcome {
  if (status === 409 && code === 'proof_replayed') return { type: 'retry', error: 'server_error', retryAfterMs: null };
  if (status === 401) return { type: 'stop', error: 'unauthorized', message };
  if (status === 403) return { type: 'stop', error: 'revoked', message };
  // 429: over a quota, not a fault; the device waits as long as it was told.
  if (status === 429) return { type: 'retry', error: 'busy', retryAfterMs: parseRetryAfter(retryAfterHeader) };
  if (status === 408 || status >= 500)
    return { type: 'retry', error: 'server_error', retryAfterMs: parseRetryAfter(retryAfterHeader) };
  return { type: 'stop', error: 'bad_request', message };
}

/** No answer at all: a timeout when our own deadline aborted the request, else offline. */
export function classifyNetworkFailure(timedOut: boolean): RetryOutcome {
  return { type: 'retry', error: timedOut ? 'timeout' : 'offline', retryAfterMs: null };
}

/** A 2xx whose body we cannot read: a broken proxy or server; keep everything and try later. */
export const UNREADABLE_ANSWER: RetryOutcome = { type: 'retry', error: 'server_error', retryAfterMs: null };
