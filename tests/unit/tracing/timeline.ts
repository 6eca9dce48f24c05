/** Hand-made timelines for the tracing tests: readable times on one day, events built tersely. */
import type { TraceEvent, TraceRules } from '../../../src/server/tracing/types';

/** 28 Nov 2026 at hh:mm, UTC. */
export function at(hhmm: string, day = 28): number {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 10, day, h ?? 0, m ?? 0);
}

export const MIN = 60_000;

let seq = 0;
/** An 'in' event. */
export function checkIn(
  person: string,
  checkpointId: string,
  time: number,
  extra: Partial<TraceEvent> = {},
): TraceEvent {
  seq++;
  return {
    id: `e${String(seq).padStart(5, '0')}`,
    checkpointId,
    personKey: person,
    kind: 'in',
    ref: null,
    time,
    skewed: false,
    source: 'cccd',
    ...extra,
  };
}

/** An 'out' event closing `inEvent` (by ref unless `ref` is given as null). */
export function checkOut(inEvent: TraceEvent, time: number, ref: string | null = inEvent.id): TraceEvent {
  seq++;
  return { ...inEvent, id: `e${String(seq).padStart(5, '0')}`, kind: 'out', ref, time };
}

/** Rules: default stay 60 min at every checkpoint unless given, 8 h cap, buffer in minutes. */
export function rules(bufferMin = 0, stays: Record<string, number> = {}): TraceRules {
  return { defaultStayMs: (cp) => (stays[cp] ?? 60) * MIN, maxStayMs: 8 * 60 * MIN, bufferMs: bufferMin * MIN };
}
