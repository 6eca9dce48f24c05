/**
 * Small device state kept beside the check-ins: the enrolment (device id, token, checkpoint) and
 * the sync status the screen shows.
 */
import type { CheckpointInfo } from '../../shared/protocol';
export interface Enrolment {
    deviceId: string;
    token: string;
    checkpoint: CheckpointInfo;
    enrolledAt: number;
}
/** What the device last learned from trying to sync. */
export interface SyncStatus {
    /** Device time of the last push the server acknowledged. */
    lastSuccessAt: number | null;
    lastAttemptAt: number | null;
    /** Why the last attempt failed: a code the UI translates, or null after a success. */
    lastError: SyncErrorCode | null;
    /** Server minus device clock at the last successful push. */
    clockOffsetMs: number | null;
    consecutiveFailures: number;
}
export type SyncErrorCode = 'offline' | 'timeout' | 'server_error' | 'unauthorized' | 'revoked' | 'bad_request' | 'not_enrolled';
/** The device's enrolment, or null when it is not a guard device (yet). */
export declare function getEnrolment(): Promise<Enrolment | null>;
/** A visitor phone's anonymous device credentials (for self check-ins), or null before registration. */
export interface VisitorRegistration {
    deviceId: string;
    token: string;
    registeredAt: number;
}
/** The visitor registration of this phone, if it has one. */
export declare function getVisitorRegistration(): Promise<VisitorRegistration | null>;
/** Records the anonymous visitor registration the server granted. */
export declare function saveVisitorRegistration(registration: VisitorRegistration): Promise<void>;
/** The bearer token this device pushes with: the guard enrolment's, else the visitor registration's. */
export declare function getPushToken(): Promise<string | null>;
/** Records the enrolment the server granted. */
export declare function saveEnrolment(enrolment: Enrolment): Promise<void>;
/** Reads the last sync status. */
export declare function getSyncStatus(): Promise<SyncStatus>;
/** Records an acknowledged push. */
export declare function recordSyncSuccess(at: number, clockOffsetMs: number): Promise<SyncStatus>;
/** Records a failed push and counts consecutive failures (the backoff reads it). */
export declare function recordSyncFailure(at: number, error: SyncErrorCode): Promise<SyncStatus>;
