/**
 * Per-item plausibility at ingest, on the corrected (claimed) time and the server's receive time:
 * how far back an item may claim to be, and what a revoked device may still upload.
 * Each rule answers a reason (`code: message`) or null when the item passes.
 */
import type { Device } from '../domain/types';
import { CLAIM_LIMITS, REVOKED_LIMITS } from './ingest-limits';
import { ingestMessage } from './ingest-messages';

/**
 * Why an item's claimed time is implausible for this device, or null. Items a forwarder sends were judged by the server
 * below.
 */
export function claimedTimeRefusal(device: Device, correctedTime: number, receivedAt: number): string | null {
  if (device.kind === 'forwarder') return null;
  if (correctedTime > receivedAt + CLAIM_LIMITS.futureToleranceMs) return ingestMessage('claimed_in_future');
  const maxAge = device.kind === 'visitor' ? CLAIM_LIMITS.selfMaxAgeMs : CLAIM_LIMITS.deviceMaxAgeMs;
  if (correctedTime < receivedAt - maxAge)
    return ingestMessage(device.kind === 'visitor' ? 'self_claimed_too_old' : 'claimed_too_old');
  return null;
}

/**
 * Why a revoked device's item is refused (recorded after the revocation, or received after the grace period), or null.
 */
export function revokedRefusal(device: Device, correctedTime: number, receivedAt: number): string | null {
  if (device.revokedAt === null) return null;
  if (correctedTime > device.revokedAt) return ingestMessage('device_revoked');
  if (receivedAt > device.revokedAt + REVOKED_LIMITS.graceMs) return ingestMessage('device_revoked_grace_over');
  return null;
}
