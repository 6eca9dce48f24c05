/**
 * Device clock correction: a push carries the device's clock (`sentAt`); the difference to the
 * server's clock at receipt is added to every device time in that push.
 */
import { SKEW_FLAG_MS } from '../../shared/protocol';

/** Server receive time minus the device's clock at sending. */
export function clockOffset(receivedAt: number, sentAt: number): number {
  return receivedAt - sentAt;
}

/** True when the device clock is far enough off to flag its check-ins for review. */
export function isSkewed(offsetMs: number): boolean {
  return Math.abs(offsetMs) > SKEW_FLAG_MS;
}
