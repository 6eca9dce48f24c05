/** The forwarder's pure decisions: per-item verdicts and retry/backoff after each outcome. */
import { describe, expect, it } from 'vitest';
import { nextStep, sortResults } from '../../../src/server/forwarding/sender-decisions';

const backoff = { baseMs: 1_000, capMs: 60_000 };

describe('forwarder classification', () => {
  it('deletes accepted and duplicate, keeps and flags rejected, keeps unanswered', () => {
    const verdict = sortResults(['a', 'b', 'c', 'd'], {
      serverTime: 0,
      clockOffsetMs: 0,
      results: [
        { id: 'a', status: 'accepted' },
        { id: 'b', status: 'duplicate' },
        { id: 'c', status: 'rejected', reason: 'invalid_checkin: x' },
      ],
    });
    expect(verdict).toEqual({
      done: ['a', 'b'],
      rejected: [{ id: 'c', reason: 'invalid_checkin: x' }],
      unanswered: ['d'],
    });
  });

  it('resets after success', () => {
    expect(nextStep({ type: 'ok', response: { serverTime: 0, clockOffsetMs: 0, results: [] } }, 5, backoff)).toEqual({
      failures: 0,
      delayMs: 0,
      needsOperator: false,
    });
  });

  it('backs off with full jitter when the province is down, growing to the cap', () => {
    const down = { type: 'retry', error: 'offline', retryAfterMs: null } as const;
    expect(nextStep(down, 0, backoff, () => 0.999).delayMs).toBe(999);
    expect(nextStep(down, 3, backoff, () => 0.5).delayMs).toBe(4_000); // 4th failure: ceiling 8 s
    expect(nextStep(down, 30, backoff, () => 0.999).delayMs).toBe(59_940);
    expect(nextStep(down, 3, backoff, () => 0).delayMs).toBe(0); // full jitter: anywhere from 0
    expect(nextStep(down, 3, backoff).failures).toBe(4);
  });

  it('never retries sooner than Retry-After', () => {
    const busy = { type: 'retry', error: 'server_error', retryAfterMs: 30_000 } as const;
    expect(nextStep(busy, 0, backoff, () => 0.1).delayMs).toBe(30_000);
  });

  it('waits the ceiling and asks for the operator on 401/403/400, keeping the outbox', () => {
    const refused = { type: 'stop', error: 'unauthorized', message: 'HTTP 401' } as const;
    expect(nextStep(refused, 0, backoff)).toEqual({ failures: 1, delayMs: 60_000, needsOperator: true });
  });
});
