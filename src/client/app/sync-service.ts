/** The page's one sync scheduler, started at boot and shared by the screens. */
import {
  currentEpoch,
  getDeviceConfig,
  getEnrolment,
  getQuestionnaire,
  getRiskPolicy,
  localDayOf,
  purgeDeclarationsBefore,
  purgeOldNames,
  purgeSyncedBefore,
} from '../data';
import { refreshDeviceConfig } from '../sync/config-fetch';
import { startSyncScheduler, type SyncScheduler } from '../sync/scheduler';
import { requestBackgroundSync } from '../update/sw-register';
import { ensureVisitorCredentials } from '../sync/visitor-credentials';
import { refreshPublicKit, refreshPublicKitIfStale } from '../visitor/public-kit';

/** A guard device re-reads its checkpoint, questionnaire and settings at most this often while online. */
const CONFIG_MAX_AGE_MS = 10 * 60_000;

/** Synced check-ins are kept this many days until the district's setting arrives. */
const DEFAULT_RETENTION_DAYS = 28;

let scheduler: SyncScheduler | null = null;
let purgedAt = 0;

/**
 * Drops synced check-ins and a visitor's own declarations past the district's retention window, at most once
 * an hour; unsynced check-ins stay.
 */
async function purgeExpired(): Promise<void> {
  await purgeOldNames(); // names of earlier days go first, whatever else waits
  if (Date.now() - purgedAt < 3600_000) return;
  purgedAt = Date.now();
  const retentionDays = (await getDeviceConfig())?.settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = Date.now() - retentionDays * 86_400_000;
  await purgeSyncedBefore(cutoff);
  // A declaration the district still accepts at the door is never purged, whatever the retention.
  const validDays = (await getRiskPolicy())?.declarationValidDays ?? 0;
  await purgeDeclarationsBefore(localDayOf(Date.now() - Math.max(retentionDays, validDays + 1) * 86_400_000));
}

/** Fetches the new questionnaire at once when a push answer says the district published one. */
async function followQuestionnaire(version: number | undefined): Promise<void> {
  if (version === undefined || version <= (await getQuestionnaire()).version) return;
  if (await getEnrolment()) await refreshDeviceConfig(location.origin);
  else await refreshPublicKit(location.origin);
}

async function refreshConfigIfStale(): Promise<void> {
  if (!(await getEnrolment())) return;
  const config = await getDeviceConfig();
  if (!config || Date.now() - config.fetchedAt > CONFIG_MAX_AGE_MS) await refreshDeviceConfig(location.origin);
}

/** Starts syncing with the server this page came from (once per page). */
export function startSync(): SyncScheduler {
  // The page watches the device clock from now on (clock epochs, see data/clock-epochs.ts).
  if (!scheduler) {
    void currentEpoch().catch(() => undefined);
    void purgeOldNames().catch(() => undefined);
  }
  scheduler ??= startSyncScheduler({
    baseUrl: location.origin,
    appVersion: __APP_VERSION__,
    requestBackgroundSync,
    // A visitor phone registers once, just before its first self check-in is sent.
    ensureCredentials: () => ensureVisitorCredentials(location.origin, __APP_VERSION__),
    onResult: (result) => {
      if (result.outcome === 'done' || result.outcome === 'not_enrolled') {
        void followQuestionnaire(result.questionnaireVersion).catch(() => undefined);
        void refreshPublicKitIfStale(location.origin);
        void refreshConfigIfStale()
          .then(purgeExpired)
          .catch(() => undefined);
      }
    },
  });
  return scheduler;
}

/** The running scheduler (starting it if needed). */
export function sync(): SyncScheduler {
  return startSync();
}
