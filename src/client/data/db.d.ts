/**
 * The app's one IndexedDB database, owned by Dexie. Page and service worker both open it through here;
 * no other module touches IndexedDB. Row types stay in this folder: callers get domain objects.
 */
import { Dexie, type Table } from 'dexie';
import type { CheckIn, Declaration, Person } from '../../shared/protocol';
/** Sync state of a check-in as version 2 stored it on the row (kept for the version 3 upgrade). */
export declare const SyncState: {
    readonly Pending: 0;
    readonly Synced: 1;
    readonly Rejected: 2;
};
export type SyncState = (typeof SyncState)[keyof typeof SyncState];
/**
 * A check-in as stored on the device: the wire object plus when it was saved. Rows are written once
 * and never rewritten; their sync state lives in the small `outbox` and `rejected` tables.
 */
export interface CheckInRow extends CheckIn {
    /** Device time when it was saved (ms). */
    savedAt: number;
}
/** A check-in still waiting for the server's word: its id (UUIDv7, so the table is in creation order). */
export interface OutboxRow {
    id: string;
}
/** A check-in the server refused: shown in "needs attention", never dropped. */
export interface RejectedRow {
    id: string;
    reason: string;
    /** Server time of the refusal. */
    at: number;
}
/** Key–value rows for small device state (enrolment, last sync). */
export interface MetaRow {
    key: string;
    value: unknown;
}
/** A person whose details a visitor keeps on the phone: themselves or a household member. */
export interface ProfileRow {
    /** The visitorId of the personal QR (10 chars base32). */
    id: string;
    person: Person;
    /** The phone owner's own profile (exactly one). */
    self: boolean;
    createdAt: number;
}
/** One day's health declaration of one profile. */
export interface DeclarationRow {
    profileId: string;
    /** `YYYY-MM-DD`, local day. */
    date: string;
    declaration: Declaration;
    savedAt: number;
}
/** The Dexie database class; its schema history is the migration history of the device. */
export declare class AppDb extends Dexie {
    checkins: Table<CheckInRow, string>;
    outbox: Table<OutboxRow, string>;
    rejected: Table<RejectedRow, string>;
    meta: Table<MetaRow, string>;
    profiles: Table<ProfileRow, string>;
    declarations: Table<DeclarationRow, [string, string]>;
    constructor(name: string);
}
export declare const DEFAULT_DB_NAME = "tram-qr";
/** Returns the process-wide database (page or worker), opening it on first use. */
export declare function appDb(): AppDb;
/** Replaces the process-wide database; tests use it to get a fresh database each. */
export declare function useDatabase(db: AppDb): void;
