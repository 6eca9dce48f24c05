/**
 * What an F1's exposure rests on, read from the trace service's F1 answer. SEC-DATA (issue 11) adds
 * "verified vs self-only" flags to `ContactEntry`; until those fields exist the basis is 'unknown'.
 */
import type { ContactEntry } from '../../shared/trace-api';
import type { ExposureBasis } from '../../shared/outbreak-api';

/** The basis of one F1 entry: 'self_only' when every event was an unverified self check-in. */
export function basisOf(entry: ContactEntry): ExposureBasis {
  const flags = entry as ContactEntry & { selfOnly?: unknown; unverified?: unknown; verified?: unknown };
  if (flags.selfOnly === true || flags.unverified === true || flags.verified === false) return 'self_only';
  if (flags.selfOnly === false || flags.unverified === false || flags.verified === true) return 'verified';
  return 'unknown';
}
