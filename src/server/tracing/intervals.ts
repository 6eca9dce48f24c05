/**
 * Interval arithmetic on half-open [start, end) ms intervals.
 */
import type { Interval } from './types';

/** The intersection of two intervals, or null when they do not overlap by a positive length. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : null;
}

/** Merges overlapping or touching intervals into disjoint ones, in time order. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

/** Total length of disjoint intervals, ms. */
export function totalLength(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, iv) => sum + (iv.end - iv.start), 0);
}

/** Widens an interval by `ms` on both sides. */
export function widen(iv: Interval, ms: number): Interval {
  return { start: iv.start - ms, end: iv.end + ms };
}

/** Merges the overlapping [from, to] ranges that share a key, so no row is read twice; sorted by key, then from. */
export function mergeRangesBy<T extends { from: number; to: number }>(
  ranges: readonly T[],
  keyOf: (r: T) => string,
): T[] {
  // Each key computed once, not twice per comparison.
  const keyed = ranges.map((r) => ({ key: keyOf(r), r }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.r.from - b.r.from));
  const out: T[] = [];
  let lastKey: string | undefined;
  for (const { key, r } of keyed) {
    const last = out[out.length - 1];
    if (last && lastKey === key && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else {
      out.push({ ...r });
      lastKey = key;
    }
  }
  return out;
}
