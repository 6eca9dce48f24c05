/**
 * Check-ins on the device: saving them (the outbox) and reading them back for the screens.
 * The outbox is the source of truth: a check-in leaves the pending state only on the server's word.
 * Rows are immutable; a check-in is pending while its id is in `outbox`, rejected when it is in
 * `rejected`, synced otherwise (see db.ts, version 3).
 */
import type { CheckIn, ItemResult } from '../../shared/protocol';
import { type CheckInRow } from './db';
/** What the screens know about a stored check-in. */
export interface LocalCheckIn {
    checkIn: CheckIn;
    status: 'pending' | 'synced' | 'rejected';
    savedAt: number;
    /** Unused since device schema 3 (the acknowledgement time is not kept); optional for callers. */
    syncedAt?: number;
    reason?: string;
}
/**
 * Turns rows into domain objects, looking their sync state up in `outbox` and `rejected`.
 * Call inside a transaction that includes both tables (or accept a momentary view).
 */
export declare function toLocalCheckIns(rows: readonly CheckInRow[]): Promise<LocalCheckIn[]>;
/** Stores a new check-in in the outbox; resolves only once IndexedDB has committed it. */
export declare function saveCheckIn(checkIn: CheckIn, now?: number): Promise<void>;
/**
 * Stores several check-ins taken together (a family) atomically. A failure (quota full, storage
 * unavailable) is reported to the blocking warning before it is thrown to the caller.
 */
export declare function saveCheckIns(checkIns: CheckIn[], now?: number): Promise<void>;
/** Number of check-ins still waiting to reach the server. */
export declare function pendingCount(): Promise<number>;
/**
 * The oldest pending check-ins, at most `limit`, read in one transaction (what the next push sends);
 * `afterId` skips those up to that id (the batch already in flight when pushes are pipelined).
 */
export declare function readPendingBatch(limit: number, afterId?: string): Promise<{
    items: CheckIn[];
    pending: number;
}>;
/**
 * Applies the server's per-item verdicts in one transaction: accepted and duplicate leave the outbox,
 * rejected ones move to "needs attention". Items the server did not answer for stay pending; an item
 * no longer pending (answered twice, or already settled) is left as it is: the first verdict wins.
 */
export declare function applyPushResults(results: readonly ItemResult[], serverTime: number): Promise<{
    cleared: number;
    rejected: number;
}>;
/** Splits sorted outbox keys into maximal runs of settled ones, as [first, last] pairs to delete by range. */
export declare function settledRuns(keys: readonly string[], settled: ReadonlySet<string>): [string, string][];
/** Check-ins the server refused: shown in "needs attention", never dropped. */
export declare function listNeedsAttention(): Promise<LocalCheckIn[]>;
/** Check-ins taken at or after `since` (device time), newest first. */
export declare function listSince(since: number): Promise<LocalCheckIn[]>;
/** Looks one check-in up by id. */
export declare function getCheckIn(id: string): Promise<LocalCheckIn | undefined>;
/** Deletes synced check-ins older than `before` (device time); pending and rejected ones are never touched. */
export declare function purgeSyncedBefore(before: number): Promise<number>;
