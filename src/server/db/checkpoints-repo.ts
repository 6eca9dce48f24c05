/**
 * Checkpoints: the summary a guard device receives about its own checkpoint, and the checkpoints as the
 * console manages them (listing with their commune, editing, opening hours, the next free code in a commune).
 */
import type { CheckpointInfo } from '../../shared/protocol';
import type { Checkpoint, CheckpointType } from '../domain/types';
import type { Db } from './database';
import type { CheckpointRow } from './schema';
import type { AdminCheckpoint } from '../../shared/admin-api';

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    id: row.id,
    code: row.code,
    unitId: row.unit_id,
    name: row.name,
    type: row.type as CheckpointType,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    defaultStayMin: Number(row.default_stay_min),
    status: row.status,
    createdAt: Number(row.created_at),
  };
}

/** Stores a checkpoint (with its opening hours, when known). */
export async function insertCheckpoint(db: Db, cp: Checkpoint, openingHours: string | null = null): Promise<void> {
  await db
    .insertInto('checkpoints')
    .values({
      id: cp.id,
      code: cp.code,
      unit_id: cp.unitId,
      name: cp.name,
      type: cp.type,
      address: cp.address,
      contact_name: cp.contactName,
      contact_phone: cp.contactPhone,
      opening_hours: openingHours,
      default_stay_min: cp.defaultStayMin,
      status: cp.status,
      created_at: cp.createdAt,
    })
    .execute();
}

/** The checkpoint with this id, if any. */
export async function findCheckpointById(db: Db, id: string): Promise<Checkpoint | undefined> {
  const row = await db.selectFrom('checkpoints').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCheckpoint(row);
}

/** The checkpoint with this short human code (e.g. `TS-DL-001`), if any. */
export async function findCheckpointByCode(db: Db, code: string): Promise<Checkpoint | undefined> {
  const row = await db.selectFrom('checkpoints').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toCheckpoint(row);
}

/** All checkpoints, by code. */
export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('checkpoints').selectAll().orderBy('code').execute();
  return rows.map(toCheckpoint);
}

/** Opens or closes a checkpoint. */
export async function setCheckpointStatus(db: Db, id: string, status: Checkpoint['status']): Promise<void> {
  await db.updateTable('checkpoints').set({ status }).where('id', '=', id).execute();
}

/** What a guard device is told about its checkpoint (unitName = the unit it belongs to, a commune). */
export async function findCheckpointInfo(db: Db, id: string): Promise<CheckpointInfo | undefined> {
  const row = await db
    .selectFrom('checkpoints')
    .innerJoin('units', 'units.id', 'checkpoints.unit_id')
    .select([
      'checkpoints.id',
      'checkpoints.code',
      'checkpoints.name',
      'checkpoints.address',
      'checkpoints.default_stay_min',
      'units.name as unit_name',
    ])
    .where('checkpoints.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unitName: row.unit_name,
    address: row.address,
    defaultStayMin: Number(row.default_stay_min),
  };
}

/** The ids of every checkpoint (for checking that named checkpoints exist). */
export async function listCheckpointIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('checkpoints').select('id').execute();
  return rows.map((r) => r.id);
}

/** The editable fields of a checkpoint. */
type CheckpointFields = Pick<
  AdminCheckpoint,
  'name' | 'type' | 'address' | 'contactName' | 'contactPhone' | 'openingHours' | 'defaultStayMin'
>;

function baseQuery(db: Db) {
  return db
    .selectFrom('checkpoints')
    .innerJoin('units', 'units.id', 'checkpoints.unit_id')
    .selectAll('checkpoints')
    .select('units.name as unit_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toConsoleCheckpoint(row: Row): AdminCheckpoint {
  return {
    id: row.id,
    code: row.code,
    unitId: row.unit_id,
    unitName: row.unit_name,
    name: row.name,
    type: row.type as CheckpointType,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    openingHours: row.opening_hours,
    defaultStayMin: Number(row.default_stay_min),
    status: row.status,
    createdAt: Number(row.created_at),
  };
}

/** Checkpoints by code, all or those of one commune. */
export async function listConsoleCheckpoints(db: Db, unitId: string | null): Promise<AdminCheckpoint[]> {
  let query = baseQuery(db).orderBy('checkpoints.code');
  if (unitId !== null) query = query.where('checkpoints.unit_id', '=', unitId);
  return (await query.execute()).map(toConsoleCheckpoint);
}

/** One checkpoint with its commune. */
export async function findConsoleCheckpoint(db: Db, id: string): Promise<AdminCheckpoint | undefined> {
  const row = await baseQuery(db).where('checkpoints.id', '=', id).executeTakeFirst();
  return row && toConsoleCheckpoint(row);
}

/** Stores a new, open checkpoint. */
export async function createCheckpoint(db: Db, cp: Omit<AdminCheckpoint, 'unitName' | 'status'>): Promise<void> {
  const { openingHours, ...checkpoint } = cp;
  await insertCheckpoint(db, { ...checkpoint, status: 'open' }, openingHours);
}

/** Changes the editable fields of a checkpoint. */
export async function updateCheckpoint(db: Db, id: string, f: CheckpointFields): Promise<void> {
  await db
    .updateTable('checkpoints')
    .set({
      name: f.name,
      type: f.type,
      address: f.address,
      contact_name: f.contactName,
      contact_phone: f.contactPhone,
      opening_hours: f.openingHours,
      default_stay_min: f.defaultStayMin,
    })
    .where('id', '=', id)
    .execute();
}

/** True when a checkpoint already uses this code. */
export async function checkpointCodeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('checkpoints').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** The first free code `<unitCode>-NNN` in a commune (e.g. TS-DL-004). */
export async function nextCheckpointCode(db: Db, unitCode: string): Promise<string> {
  const rows = await db.selectFrom('checkpoints').select('code').where('code', 'like', `${unitCode}-%`).execute();
  const taken = new Set(rows.map((r) => r.code));
  for (let n = 1; ; n++) {
    const code = `${unitCode}-${String(n).padStart(3, '0')}`;
    if (!taken.has(code)) return code;
  }
}

/** The commune (unit) a checkpoint belongs to, or undefined when there is no such checkpoint. */
export async function findCheckpointUnitId(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('checkpoints').select('unit_id').where('id', '=', id).executeTakeFirst();
  return row?.unit_id;
}

/** What a lower server's catalog says about one of its checkpoints (code already prefixed with its unit). */
type ForwardedCheckpoint = Pick<
  Checkpoint,
  'id' | 'unitId' | 'code' | 'name' | 'type' | 'address' | 'defaultStayMin' | 'status'
>;

/** Updates a forwarded checkpoint's catalog fields, or stores it (no contact) when `createdAt` is given. */
export async function saveForwardedCheckpoint(db: Db, cp: ForwardedCheckpoint, createdAt?: number): Promise<void> {
  const fields = {
    code: cp.code,
    name: cp.name,
    type: cp.type,
    address: cp.address,
    default_stay_min: cp.defaultStayMin,
    status: cp.status,
  };
  if (createdAt === undefined) {
    await db.updateTable('checkpoints').set(fields).where('id', '=', cp.id).execute();
    return;
  }
  await db
    .insertInto('checkpoints')
    .values({
      id: cp.id,
      unit_id: cp.unitId,
      contact_name: null,
      contact_phone: null,
      created_at: createdAt,
      ...fields,
    })
    .execute();
}

/** Of these checkpoint ids, those stored under this unit. */
export async function checkpointIdsInUnit(db: Db, unitId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('checkpoints')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The ids of a commune's checkpoints, as a subquery for `where('checkpoint_id', 'in', …)` (a commune officer's scope). */
export function checkpointIdsOfUnit(db: Db, unitId: string) {
  return db.selectFrom('checkpoints').select('id').where('unit_id', '=', unitId);
}
