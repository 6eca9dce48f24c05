/** Live reads: re-run a data-layer query whenever the data it read changes (this tab, other tabs, the worker). */
import { liveQuery } from 'dexie';

/** Subscribes to a query's results; returns the unsubscribe function. */
export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError?: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: (e: unknown) => onError?.(e) });
  return () => subscription.unsubscribe();
}
