/**
 * The numbers of ingest (docs/security.md, "Ingest limits"): how far back an item may claim to
 * have been recorded, how long a revoked device may still upload, and the push quotas per token and
 * per address. Pure: the quota counters are built here and counted by db/ingest-quota-repo.ts.
 */
import type { Device } from '../domain/types';
import { sha256Hex } from '../domain/secrets';
import type { QuotaCounter } from '../db/ingest-quota-repo';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Claimed-time plausibility, judged on the corrected time against the server's receive time. */
export const CLAIM_LIMITS = {
  /** A visitor phone's self check-in may claim at most this long before it was received (phone offline). */
  selfMaxAgeMs: 72 * HOUR,
  /** A guard device's item may claim at most this long before it was received (the default retention). */
  deviceMaxAgeMs: 14 * DAY,
  /** No item may claim a time later than its receipt by more than this (a device clock changed mid-queue). */
  futureToleranceMs: 10 * MIN,
} as const;

/** What a revoked device may still upload: items recorded before the revocation, for a while and up to a count. */
export const REVOKED_LIMITS = {
  /** Received at most this long after the revocation. */
  graceMs: 72 * HOUR,
  /** At most this many stored in all. */
  maxItems: 2_000,
} as const;

/** One quota: `limit` units per fixed window of `windowMs`. A push costs one unit per item (at least one). */
interface Quota {
  limit: number;
  windowMs: number;
}

/** The push quotas. An enrolled guard device is trusted far more than an anonymous visitor token. */
export const PUSH_QUOTAS = {
  visitorToken: [
    { limit: 120, windowMs: 10 * MIN },
    { limit: 600, windowMs: DAY },
  ],
  /** Every visitor token pushing from one address, together (carrier-grade NAT shares addresses). */
  visitorAddress: [
    { limit: 2_000, windowMs: 10 * MIN },
    { limit: 20_000, windowMs: DAY },
  ],
  guardToken: [
    { limit: 30_000, windowMs: 10 * MIN },
    { limit: 300_000, windowMs: DAY },
  ],
  /** A district server forwarding to its province. */
  forwarderToken: [{ limit: 1_000_000, windowMs: 10 * MIN }],
} as const satisfies Record<string, readonly Quota[]>;

/** Visitor registrations per address (unchanged number, now reserved atomically). */
export const REGISTER_QUOTA: Quota = { limit: 60, windowMs: HOUR };

/** A short hash of a client address: the quota key never holds the address itself. */
export function addressTag(ip: string): string {
  return sha256Hex(`visitor-ip:${ip}`).slice(0, 16);
}

/** The counter of one quota for `key` in the window holding `now`. */
export function counterFor(key: string, quota: Quota, now: number): QuotaCounter {
  const windowStart = Math.floor(now / quota.windowMs) * quota.windowMs;
  return { key: `${key}:${quota.windowMs}`, windowStart, limit: quota.limit, expiresAt: windowStart + quota.windowMs };
}

/** Every push-quota counter a push from this device at this address counts against. */
export function pushCounters(device: Device, address: string | null, now: number): QuotaCounter[] {
  const token = `push:device:${device.id}`;
  switch (device.kind) {
    case 'visitor':
      return [
        ...PUSH_QUOTAS.visitorToken.map((q) => counterFor(token, q, now)),
        ...(address === null
          ? []
          : PUSH_QUOTAS.visitorAddress.map((q) => counterFor(`push:visitor-address:${addressTag(address)}`, q, now))),
      ];
    case 'forwarder':
      return PUSH_QUOTAS.forwarderToken.map((q) => counterFor(token, q, now));
    default:
      return PUSH_QUOTAS.guardToken.map((q) => counterFor(token, q, now));
  }
}

/** The counter of what a revoked device may still store (no window). */
export function revokedCounter(device: Device & { revokedAt: number }): QuotaCounter {
  return {
    key: `revoked:device:${device.id}`,
    windowStart: 0,
    limit: REVOKED_LIMITS.maxItems,
    expiresAt: device.revokedAt + REVOKED_LIMITS.graceMs + DAY,
  };
}

/** Seconds until every full counter among these has opened its next window (what Retry-After says). */
export function retryAfterSeconds(counters: readonly QuotaCounter[], used: readonly number[], now: number): number {
  const ends = counters.filter((c, i) => (used[i] ?? 0) >= c.limit).map((c) => c.expiresAt);
  const end = ends.length > 0 ? Math.max(...ends) : now + MIN;
  return Math.max(1, Math.ceil((end - now) / 1000));
}
