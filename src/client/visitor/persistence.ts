/** Asks the browser, after the visitor's first real action, to protect this app's data from eviction. */
import { requestPersistentStorage } from '../data';

let asked: Promise<boolean | null> | null = null;
const listeners = new Set<() => void>();

/** Requests persistent storage once per page; the StorageNote shows the result. */
export function askPersistenceOnce(): Promise<boolean | null> {
  asked ??= requestPersistentStorage()
    .catch(() => null)
    .finally(() => {
      for (const listener of listeners) listener();
    });
  return asked;
}

/** Calls `listener` after the request was answered; returns the unsubscribe function. */
export function onPersistenceAnswer(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
