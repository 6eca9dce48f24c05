/** One flusher at a time across tabs and the service worker, through the Web Locks API. */

export const FLUSH_LOCK = 'tram-qr-flush';

/** Runs `fn` holding the named lock, or returns 'busy' at once when someone else holds it. */
export async function runExclusive<T>(name: string, fn: () => Promise<T>): Promise<T | 'busy'> {
  const locks = lockManager();
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock: Lock | null) => (lock ? fn() : 'busy')) as Promise<
      T | 'busy'
    >;
  }
  // No Web Locks (old browsers, Node tests): a lock for this JavaScript realm only.
  if (localHeld.has(name)) return 'busy';
  localHeld.add(name);
  try {
    return await fn();
  } finally {
    localHeld.delete(name);
  }
}

/**
 * Waits until the named lock is free and runs `fn` holding it (the update prompt uses it to avoid reloading mid-sync).
 */
export async function runWhenFree<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (locks) return locks.request(name, async () => fn()) as Promise<T>;
  return fn();
}

const localHeld = new Set<string>();

/** The Web Locks manager of this page or worker, when the browser has one. */
function lockManager(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}
