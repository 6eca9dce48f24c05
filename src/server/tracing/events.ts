/**
 * The bridge from stored check-ins to tracing events.
 */
import type { StoredCheckIn } from '../domain/types';
import type { TraceEvent } from './types';

/** The tracing view of a stored check-in: corrected time, person key, kind and ref only. */
export function toTraceEvent(c: StoredCheckIn): TraceEvent {
  return {
    id: c.id,
    checkpointId: c.checkpointId,
    personKey: c.personKey,
    kind: c.kind,
    ref: c.ref,
    time: c.correctedTime,
    skewed: c.skewed,
    source: c.source,
  };
}
