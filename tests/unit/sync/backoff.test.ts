import { describe, expect, it } from 'vitest';
import { backoffDelay, nextRetryDelay, parseRetryAfter } from '../../../src/shared/sync/backoff';

describe('backoff', () => {
  it('grows the ceiling exponentially up to the cap (full jitter)', () => {
    const opts = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, opts, () => 0.999)).toBe(999);
    expect(backoffDelay(3, opts, () => 0.999)).toBe(3996);
    expect(backoffDelay(20, opts, () => 0.999)).toBe(59_940);
    expect(backoffDelay(4, opts, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2026, 10, 28, 8, 0, 0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('never retries sooner than the server asked', () => {
    expect(nextRetryDelay(1, 10_000, { baseMs: 1000, capMs: 60_000 }, () => 0.5)).toBe(10_000);
    expect(nextRetryDelay(6, 1_000, { baseMs: 1000, capMs: 60_000 }, () => 0.5)).toBe(16_000);
  });
});
