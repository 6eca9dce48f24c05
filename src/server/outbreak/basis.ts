/**
 * What an F1's exposure rests on, read from the trace service's F1 answer (`selfOnly`, issue 11):
 * only unverified self check-ins, or at least one scan a guard device recorded.
 */
import type { ContactEntry } from '../../shared/tracing-api';
import type { ExposureBasis } from '../../shared/outbreak-api';

/** The basis of one F1 entry: 'self_only' when every event was an unverified self check-in. */
export function basisOf(entry: ContactEntry): ExposureBasis {
  return entry.selfOnly ? 'self_only' : 'verified';
}
