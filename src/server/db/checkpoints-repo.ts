/**
 * Checkpoints and the summary a guard device receives about its own checkpoint.
 */
import type { CheckpointInfo } from '../../shared/protocol';
import type { Checkpoint, CheckpointType } from '../domain/types';
import type { Db } from './database';
import type { CheckpointRow } from './schema';

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
