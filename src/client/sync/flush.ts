/**
 * The sync engine: sends the outbox to the server in batches until it is empty or the network fails.
 * Read a batch in one IndexedDB transaction, fetch outside any transaction, apply the answers in another.
 */
import { PROTOCOL_VERSION, type PushRequest } from '../../shared/protocol';
import { applyPushResults, getEnrolment, readPendingBatch, recordSyncFailure, recordSyncSuccess, type SyncErrorCode } from '../data';
import { FLUSH_LOCK, runExclusive } from './lock';
import { pushBatch } from './push';

export interface FlushOptions {
  /** Origin of the district server (the app's own origin in production). */
  baseUrl: string;
  appVersion: string;
  batchSize?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface FlushResult {
  outcome: 'done' | 'busy' | 'not_enrolled' | 'failed';
  /** Items acknowledged (accepted or duplicate) during this flush. */
  cleared: number;
  rejected: number;
  error?: SyncErrorCode;
  /** What the server asked us to wait before retrying, when it said so. */
  retryAfterMs?: number | null;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Flushes the outbox unless another tab or the worker is already doing it. */
export async function flushOutbox(opts: FlushOptions): Promise<FlushResult> {
  const result = await runExclusive(FLUSH_LOCK, () => flushHoldingLock(opts));
  return result === 'busy' ? { outcome: 'busy', cleared: 0, rejected: 0 } : result;
}

async function flushHoldingLock(opts: FlushOptions): Promise<FlushResult> {
  const now = opts.now ?? Date.now;
  const enrolment = await getEnrolment();
  if (!enrolment) return { outcome: 'not_enrolled', cleared: 0, rejected: 0 };
  let cleared = 0;
  let rejected = 0;
  for (;;) {
    const batch = await readPendingBatch(opts.batchSize ?? DEFAULT_BATCH_SIZE);
    if (batch.items.length === 0) return { outcome: 'done', cleared, rejected };
    const body: PushRequest = { protocol: PROTOCOL_VERSION, sentAt: now(), appVersion: opts.appVersion, pending: batch.pending, items: batch.items };
    const outcome = await pushBatch({ baseUrl: opts.baseUrl, token: enrolment.token, body, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, fetchImpl: opts.fetchImpl });
    if (outcome.type !== 'ok') {
      await recordSyncFailure(now(), outcome.error);
      return { outcome: 'failed', cleared, rejected, error: outcome.error, retryAfterMs: outcome.type === 'retry' ? outcome.retryAfterMs : null };
    }
    const applied = await applyPushResults(outcome.response.results, outcome.response.serverTime);
    cleared += applied.cleared;
    rejected += applied.rejected;
    await recordSyncSuccess(now(), outcome.response.clockOffsetMs);
    // A server that answered without settling a single item would loop us forever: stop and retry later.
    if (applied.cleared + applied.rejected === 0) return { outcome: 'failed', cleared, rejected, error: 'server_error', retryAfterMs: null };
  }
}
