/**
 * Turns check-in events into stays: an 'in' closed by its 'out' (by `ref`, else the person's next
 * 'out' at the same checkpoint), or left open and closed after the checkpoint's default stay.
 */
import type { Stay, TraceEvent, TraceRules } from './types';

/** Builds the stays of a set of events (any people, any checkpoints), sorted by start. */
export function buildStays(events: readonly TraceEvent[], rules: Pick<TraceRules, 'defaultStayMs' | 'maxStayMs'>): Stay[] {
  const ins = events.filter((e) => e.kind === 'in').sort((a, b) => a.time - b.time || cmp(a.id, b.id));
  const outs = events.filter((e) => e.kind === 'out').sort((a, b) => a.time - b.time || cmp(a.id, b.id));
  const inById = new Map(ins.map((e) => [e.id, e]));
  const closing = new Map<string, TraceEvent>();

  // Outs that name their 'in' close it (the earliest such out wins).
  const unmatched: TraceEvent[] = [];
  for (const out of outs) {
    const target = out.ref === null ? undefined : inById.get(out.ref);
    if (target && !closing.has(target.id) && out.time >= target.time) closing.set(target.id, out);
    else if (!target) unmatched.push(out);
  }
  // Outs without a known 'in' close the person's latest still-open 'in' at that checkpoint before them.
  if (unmatched.length > 0) {
    const byPlace = new Map<string, TraceEvent[]>();
    for (const e of ins) {
      const k = `${e.personKey}\u0000${e.checkpointId}`;
      const list = byPlace.get(k);
      if (list) list.push(e);
      else byPlace.set(k, [e]);
    }
    for (const out of unmatched) {
      let best: TraceEvent | undefined;
      for (const e of byPlace.get(`${out.personKey}\u0000${out.checkpointId}`) ?? []) {
        if (e.time > out.time) break;
        if (!closing.has(e.id)) best = e;
      }
      if (best) closing.set(best.id, out);
    }
  }

  return ins.map((e): Stay => {
    const out = closing.get(e.id);
    const start = e.time;
    const end = out ? Math.min(out.time, start + rules.maxStayMs) : start + rules.defaultStayMs(e.checkpointId);
    return {
      checkinId: e.id,
      checkpointId: e.checkpointId,
      personKey: e.personKey,
      start,
      end,
      endKnown: out !== undefined,
      skewed: e.skewed || (out?.skewed ?? false),
      source: e.source,
      ...(e.fromRevokedDevice || out?.fromRevokedDevice ? { fromRevokedDevice: true } : {}),
    };
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
