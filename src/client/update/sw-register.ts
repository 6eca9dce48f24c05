/**
 * Registers the service worker and runs the update flow: a new version waits until the guard
 * taps "update", and even then the page reloads only once no sync and no scan is in flight.
 */
import { Workbox } from 'workbox-window';
import { FLUSH_LOCK, runWhenFree } from '../sync/lock';
import { BACKGROUND_SYNC_TAG } from '../sync/tags';

let workbox: Workbox | null = null;
const updateListeners = new Set<(ready: boolean) => void>();
let updateReady = false;
let busyScans = 0;

/** Registers sw.js (production builds only) and listens for waiting updates. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    updateReady = true;
    for (const listener of updateListeners) listener(true);
  });
  void workbox.register();
}

/** Subscribes to "an update is waiting"; returns the unsubscribe function. */
export function onUpdateReady(listener: (ready: boolean) => void): () => void {
  updateListeners.add(listener);
  if (updateReady) listener(true);
  return () => void updateListeners.delete(listener);
}

/** Marks a scan as being processed so an update never reloads in the middle of it. */
export async function duringScan<T>(work: () => Promise<T>): Promise<T> {
  busyScans++;
  try {
    return await work();
  } finally {
    busyScans--;
  }
}

/** Activates the waiting version once the outbox flush and any scan in progress have finished, then reloads. */
export async function applyUpdate(): Promise<void> {
  const wb = workbox;
  if (!wb) return;
  await runWhenFree(FLUSH_LOCK, async () => {
    while (busyScans > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
    // Hold the lock until the reload, so no flush starts in between.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  });
}

/** Asks the browser to wake the service worker for a flush when connectivity returns (Background Sync). */
export function requestBackgroundSync(): void {
  void navigator.serviceWorker?.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(
        BACKGROUND_SYNC_TAG,
      ),
    )
    .catch(() => undefined);
}
