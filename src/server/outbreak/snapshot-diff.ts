/**
 * An investigation keeps the F1 list it took in; a new trace is compared with it, never applied silently.
 */
import type { ContactEntry } from '../../shared/tracing-api';
import type { TraceChanges } from '../../shared/outbreak-api';

/** What changed between the kept F1 snapshot and a fresh trace (by person, overlap minutes). */
export function diffSnapshot(kept: readonly ContactEntry[], fresh: readonly ContactEntry[]): TraceChanges {
  const before = new Map(kept.map((c) => [c.personId, c]));
  const after = new Map(fresh.map((c) => [c.personId, c]));
  const changes: TraceChanges = { added: [], removed: [], changed: [] };
  for (const c of fresh) {
    const old = before.get(c.personId);
    if (!old) changes.added.push({ personId: c.personId, name: c.name, overlapMin: c.overlapMin });
    else if (old.overlapMin !== c.overlapMin)
      changes.changed.push({ personId: c.personId, name: c.name, before: old.overlapMin, after: c.overlapMin });
  }
  for (const c of kept) if (!after.has(c.personId)) changes.removed.push({ personId: c.personId, name: c.name });
  return changes;
}
