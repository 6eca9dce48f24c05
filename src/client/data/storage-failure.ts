/**
 * When the device cannot store a check-in: the quota is full, or IndexedDB is unavailable (a private
 * window, a browser that refuses storage). Saves report it here so the app can block with a warning
 * instead of losing a scan silently.
 */
import { appDb } from './db';

export type StorageFailure = 'quota' | 'unavailable';

const listeners = new Set<(failure: StorageFailure) => void>();

/** Names of the errors (or their inner causes) that mean "no room left". */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Sorts an error thrown by a save into quota or unavailable (any other failure to store counts as unavailable). */
export function classifyStorageError(error: unknown): StorageFailure {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return 'quota';
    if (Array.isArray(e.failures) && e.failures.some((f) => classifyStorageError(f) === 'quota')) return 'quota';
    current = e.inner ?? e.cause;
  }
  return 'unavailable';
}

/** Tells the listeners (the blocking warning) that a save failed; returns the kind. */
export function reportStorageFailure(error: unknown): StorageFailure {
  const failure = classifyStorageError(error);
  for (const listener of listeners) listener(failure);
  return failure;
}

/** Subscribes to save failures; returns the unsubscribe function. */
export function onStorageFailure(listener: (failure: StorageFailure) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Opens the database once to learn whether this browser lets the app store anything at all. */
export async function probeStorage(): Promise<'ok' | StorageFailure> {
  try {
    const db = appDb();
    if (!db.isOpen()) await db.open();
    return 'ok';
  } catch (error) {
    return classifyStorageError(error);
  }
}
