/** The page's one sync scheduler, started at boot and shared by the screens. */
import { startSyncScheduler, type SyncScheduler } from '../sync/scheduler';
import { requestBackgroundSync } from '../update/sw-register';

let scheduler: SyncScheduler | null = null;

/** Starts syncing with the server this page came from (once per page). */
export function startSync(): SyncScheduler {
  scheduler ??= startSyncScheduler({ baseUrl: location.origin, appVersion: __APP_VERSION__, requestBackgroundSync });
  return scheduler;
}

/** The running scheduler (starting it if needed). */
export function sync(): SyncScheduler {
  return startSync();
}
