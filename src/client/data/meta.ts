/**
 * Small device state kept beside the check-ins: the enrolment (device id, token, checkpoint) and
 * the sync status the screen shows.
 */
import type { CheckpointInfo } from '../../shared/protocol';
import type { SyncErrorCode } from '../../shared/sync/errors';
import { appDb } from './db';
import { withDbRetry } from './retry';

export interface Enrolment {
  deviceId: string;
  token: string;
  checkpoint: CheckpointInfo;
  enrolledAt: number;
}

/** What the device last learned from trying to sync. */
interface SyncStatus {
  /** Device time of the last push the server acknowledged. */
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Why the last attempt failed: a code the UI translates, or null after a success. */
  lastError: SyncErrorCode | null;
  /** Server minus device clock at the last successful push. */
  clockOffsetMs: number | null;
  consecutiveFailures: number;
}

export type { SyncErrorCode };

const ENROLMENT = 'enrolment';
const SYNC_STATUS = 'syncStatus';

const EMPTY_STATUS: SyncStatus = {
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  clockOffsetMs: null,
  consecutiveFailures: 0,
};

/** The device's enrolment, or null when it is not a guard device (yet). */
export async function getEnrolment(): Promise<Enrolment | null> {
  const row = await withDbRetry(() => appDb().meta.get(ENROLMENT));
  return row ? (row.value as Enrolment) : null;
}

/** A visitor phone's anonymous device credentials (for self check-ins), or null before registration. */
interface VisitorRegistration {
  deviceId: string;
  token: string;
  registeredAt: number;
}

const VISITOR_REGISTRATION = 'visitorRegistration';

/** The visitor registration of this phone, if it has one. */
export async function getVisitorRegistration(): Promise<VisitorRegistration | null> {
  const row = await withDbRetry(() => appDb().meta.get(VISITOR_REGISTRATION));
  return row ? (row.value as VisitorRegistration) : null;
}

/** Records the anonymous visitor registration the server granted. */
export async function saveVisitorRegistration(registration: VisitorRegistration): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: VISITOR_REGISTRATION, value: registration }));
}

/** The bearer token this device pushes with: the guard enrolment's, else the visitor registration's. */
export async function getPushToken(): Promise<string | null> {
  return (await getEnrolment())?.token ?? (await getVisitorRegistration())?.token ?? null;
}

/** Records the enrolment the server granted. */
export async function saveEnrolment(enrolment: Enrolment): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: ENROLMENT, value: enrolment }));
}

/** Reads the last sync status. */
export async function getSyncStatus(): Promise<SyncStatus> {
  const row = await withDbRetry(() => appDb().meta.get(SYNC_STATUS));
  return row ? { ...EMPTY_STATUS, ...(row.value as Partial<SyncStatus>) } : { ...EMPTY_STATUS };
}

/** Records an acknowledged push. */
export async function recordSyncSuccess(at: number, clockOffsetMs: number): Promise<SyncStatus> {
  return updateSyncStatus(() => ({
    lastAttemptAt: at,
    lastSuccessAt: at,
    lastError: null,
    consecutiveFailures: 0,
    clockOffsetMs,
  }));
}

/** Records a failed push and counts consecutive failures (the backoff reads it). */
export async function recordSyncFailure(at: number, error: SyncErrorCode): Promise<SyncStatus> {
  return updateSyncStatus((current) => ({
    lastAttemptAt: at,
    lastError: error,
    consecutiveFailures: current.consecutiveFailures + 1,
  }));
}

async function updateSyncStatus(change: (current: SyncStatus) => Partial<SyncStatus>): Promise<SyncStatus> {
  return withDbRetry(() =>
    appDb().transaction('rw', appDb().meta, async () => {
      const row = await appDb().meta.get(SYNC_STATUS);
      const current: SyncStatus = { ...EMPTY_STATUS, ...(row?.value as Partial<SyncStatus> | undefined) };
      const next: SyncStatus = { ...current, ...change(current) };
      await appDb().meta.put({ key: SYNC_STATUS, value: next });
      return next;
    }),
  );
}
