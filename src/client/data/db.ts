/**
 * The app's one IndexedDB database, owned by Dexie. Page and service worker both open it through here;
 * no other module touches IndexedDB. Row types stay in this folder: callers get domain objects.
 */
import { Dexie, type Table } from 'dexie';
import type { CheckIn, Declaration, Person } from '../../shared/protocol';

/** Sync state of a check-in as version 2 stored it on the row (kept for the version 3 upgrade). */
export const SyncState = { Pending: 0, Synced: 1, Rejected: 2 } as const;
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

/** A version 2 check-in row, with its sync state on the row (read by the version 3 upgrade only). */
interface CheckInRowV2 extends CheckInRow {
  sync?: SyncState;
  syncedAt?: number;
  rejectReason?: string;
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
export class AppDb extends Dexie {
  checkins!: Table<CheckInRow, string>;
  outbox!: Table<OutboxRow, string>;
  rejected!: Table<RejectedRow, string>;
  meta!: Table<MetaRow, string>;
  profiles!: Table<ProfileRow, string>;
  declarations!: Table<DeclarationRow, [string, string]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      // [sync+id] lists the outbox in creation order (UUIDv7 ids are time-ordered).
      checkins: 'id, [sync+id], deviceTime, checkpointId',
      meta: 'key',
    });
    // Visitor side: household profiles and their daily declarations, kept only on the phone.
    this.version(2).stores({
      profiles: 'id',
      declarations: '[profileId+date], date',
    });
    // Sync state leaves the check-in rows: a flush of 10,000 rewrote every row to mark it synced.
    // Now rows are immutable; pending = a key in `outbox`, rejected = a row in `rejected`, else synced.
    this.version(3)
      .stores({ checkins: 'id, deviceTime, checkpointId', outbox: 'id', rejected: 'id' })
      .upgrade(async (tx) => {
        const outbox: OutboxRow[] = [];
        const rejected: RejectedRow[] = [];
        await tx
          .table<CheckInRowV2, string>('checkins')
          .toCollection()
          .modify((row) => {
            if (row.sync === SyncState.Pending) outbox.push({ id: row.id });
            if (row.sync === SyncState.Rejected) rejected.push({ id: row.id, reason: row.rejectReason ?? 'rejected', at: row.syncedAt ?? row.savedAt });
            delete row.sync;
            delete row.syncedAt;
            delete row.rejectReason;
          });
        await tx.table<OutboxRow, string>('outbox').bulkAdd(outbox);
        await tx.table<RejectedRow, string>('rejected').bulkAdd(rejected);
      });
  }
}

export const DEFAULT_DB_NAME = 'tram-qr';

let shared: AppDb | null = null;

/** Returns the process-wide database (page or worker), opening it on first use. */
export function appDb(): AppDb {
  shared ??= new AppDb(DEFAULT_DB_NAME);
  return shared;
}

/** Replaces the process-wide database; tests use it to get a fresh database each. */
export function useDatabase(db: AppDb): void {
  shared = db;
}
