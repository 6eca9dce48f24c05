/**
 * The app's one IndexedDB database, owned by Dexie. Page and service worker both open it through here;
 * no other module touches IndexedDB. Row types stay in this folder: callers get domain objects.
 */
import { Dexie, type Table } from 'dexie';
import type { CheckIn, Declaration, Person, RiskKind, SealedItem } from '../../shared/protocol';

/** Sync state of a check-in as version 2 stored it on the row (kept for the version 3 upgrade). */
const SyncState = { Pending: 0, Synced: 1, Rejected: 2 } as const;
type SyncState = (typeof SyncState)[keyof typeof SyncState];

/**
 * A check-in as stored on the device, written once; its sync state lives in the small `outbox` and
 * `rejected` tables. On a guard device (schema 4) it is the sealed wire item plus keyed identity hashes:
 * nothing personal is readable; the name shown today sits in `names` until the day ends. Visitor phones'
 * own self check-ins, and a guard queue from before schema 4 until it is sent (`legacy`), are plain.
 */
export type CheckInRow = Pick<CheckIn, 'id' | 'checkpointId' | 'kind' | 'ref' | 'groupId' | 'source' | 'deviceTime'> &
  Partial<Omit<CheckIn, 'id' | 'checkpointId' | 'kind' | 'ref' | 'groupId' | 'source' | 'deviceTime'>> &
  Partial<Pick<SealedItem, 'v' | 'epoch' | 'sealed'>> & {
    /** Device time when it was saved (ms). */
    savedAt: number;
    /** Keyed hashes (HMAC, device key) of the identity: repeat scans and check-outs match on these. */
    match?: string[];
    /**
     * Keyed hash (same key) of a paper row's sheet and row, which are sealed: the duplicate-row check matches on it.
     */
    paperKey?: string;
    /** 1 on a plain guard row queued before sealing existed: stripped once the server has it. */
    legacy?: 1;
  };

/**
 * The name the guard sees today for a check-in, with the kinds of risk the door saw (a symptom, an exposure:
 * no answers) so today's list can mark them; rows of earlier days are deleted.
 */
export interface NameRow {
  id: string;
  name: string;
  /** Local day `YYYY-MM-DD` it was taken. */
  day: string;
  /** The arrival's risk kinds, only when there is one (not indexed: no schema version needed). */
  risk?: RiskKind[];
}

/** A check-in still waiting for the server's word: its id (UUIDv7, so the table is in creation order). */
interface OutboxRow {
  id: string;
}

/** A check-in the server refused: shown in "needs attention", never dropped. */
interface RejectedRow {
  id: string;
  reason: string;
  /** Server time of the refusal. */
  at: number;
}

/** A version 2 check-in row, with its sync state on the row (read by the version 3 upgrade only). */
interface CheckInRowV2 extends CheckIn {
  savedAt: number;
  sync?: SyncState;
  syncedAt?: number;
  rejectReason?: string;
}

/** Key–value rows for small device state (enrolment, last sync). */
interface MetaRow {
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
  names!: Table<NameRow, string>;

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
            if (row.sync === SyncState.Rejected)
              rejected.push({ id: row.id, reason: row.rejectReason ?? 'rejected', at: row.syncedAt ?? row.savedAt });
            delete row.sync;
            delete row.syncedAt;
            delete row.rejectReason;
          });
        await tx.table<OutboxRow, string>('outbox').bulkAdd(outbox);
        await tx.table<RejectedRow, string>('rejected').bulkAdd(rejected);
      });
    // Sealed check-ins (issue 14): names for today apart, legacy plain rows marked. Synced plain guard rows
    // lose their personal fields now; queued ones are sent unchanged (protocol 1 items) and stripped after.
    this.version(4)
      .stores({ checkins: 'id, deviceTime, checkpointId, legacy', names: 'id, day' })
      .upgrade(async (tx) => {
        const [pending, rejected] = await Promise.all([
          tx.table<OutboxRow, string>('outbox').toCollection().primaryKeys(),
          tx.table<RejectedRow, string>('rejected').toCollection().primaryKeys(),
        ]);
        const open = new Set([...pending, ...rejected]);
        const today = localDayOf(Date.now());
        const names: NameRow[] = [];
        await tx
          .table<CheckInRow, string>('checkins')
          .toCollection()
          .modify((row) => {
            if (row.source === 'self' || row.sealed) return;
            if (row.person && localDayOf(row.deviceTime) === today)
              names.push({ id: row.id, name: row.person.name, day: today });
            if (open.has(row.id)) row.legacy = 1;
            else stripPersonal(row);
          });
        await tx.table<NameRow, string>('names').bulkPut(names);
      });
  }
}

/** The local day `YYYY-MM-DD` of a device time. */
export function localDayOf(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Removes every personal field of a plain row (once the server has it). */
export function stripPersonal(row: CheckInRow): void {
  delete row.person;
  delete row.declaration;
  delete row.paper;
  delete row.ext;
  delete row.proof;
  delete row.legacy;
}

const DEFAULT_DB_NAME = 'tram-qr';

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
