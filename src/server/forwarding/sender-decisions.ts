/**
 * Forwarding, sending side: pure decisions of the forwarder — what an answer of the server above means for each
 * outbox row, and how long to wait before the next attempt (full-jitter backoff, Retry-After honoured).
 */
import type { PushResponse } from '../../shared/protocol';
import type { PushOutcome } from '../../shared/sync/push';
import { nextRetryDelay, type BackoffOptions } from '../../shared/sync/backoff';

/** Forwarder backoff: 1 s doubling to 5 min, full jitter. */
export const FORWARD_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 };

/** What to do with the outbox rows of one sent batch. */
interface BatchVerdict {
  /** Accepted or duplicate: the server above has them; delete from the outbox. */
  done: string[];
  /** Rejected: keep, flag, count. */
  rejected: { id: string; reason: string }[];
  /** Sent but absent from the answer: keep and send again. */
  unanswered: string[];
}

/** Sorts a batch's ids by the server above's per-item verdicts. */
export function sortResults(sentIds: readonly string[], response: PushResponse): BatchVerdict {
  const byId = new Map<string, { status: string; reason?: string }>();
  for (const r of response.results) if (r.id !== null) byId.set(r.id, r);
  const verdict: BatchVerdict = { done: [], rejected: [], unanswered: [] };
  for (const id of sentIds) {
    const r = byId.get(id);
    if (!r) verdict.unanswered.push(id);
    else if (r.status === 'accepted' || r.status === 'duplicate') verdict.done.push(id);
    else verdict.rejected.push({ id, reason: r.reason ?? 'rejected' });
  }
  return verdict;
}

/** The forwarder's next move after an attempt: how many failures in a row now, and the wait before the next attempt. */
interface NextStep {
  failures: number;
  delayMs: number;
  /** Whether the operator must act (bad token, revoked, request refused): logged as an error. */
  needsOperator: boolean;
}

/**
 * After an outcome: success resets the failure count and goes on at once; a retryable failure (offline,
 * timeout, 408/429/5xx) waits a full-jitter backoff but never less than Retry-After; a refusal (401/403/4xx)
 * waits the backoff ceiling and asks for the operator, the outbox being kept either way.
 */
export function nextStep(
  outcome: PushOutcome,
  failures: number,
  backoff: BackoffOptions = FORWARD_BACKOFF,
  random: () => number = Math.random,
): NextStep {
  if (outcome.type === 'ok') return { failures: 0, delayMs: 0, needsOperator: false };
  const failed = failures + 1;
  if (outcome.type === 'retry')
    return {
      failures: failed,
      delayMs: nextRetryDelay(failed, outcome.retryAfterMs, backoff, random),
      needsOperator: false,
    };
  return { failures: failed, delayMs: backoff.capMs, needsOperator: true };
}
