/**
 * Administrative units: the province → [district →] commune tree one server serves.
 */
import type { AdministrativeUnit } from '../domain/types';
import type { Db } from './database';
import type { UnitRow } from './schema';

function toUnit(row: UnitRow): AdministrativeUnit {
  return { id: row.id, parentId: row.parent_id, level: row.level, name: row.name, code: row.code };
}

/** Stores a unit. */
export async function insertUnit(db: Db, unit: AdministrativeUnit): Promise<void> {
  await db
    .insertInto('units')
    .values({ id: unit.id, parent_id: unit.parentId, level: unit.level, name: unit.name, code: unit.code })
    .execute();
}

/** How many units exist (0 means a fresh database). */
export async function countUnits(db: Db): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** All units, by code. */
export async function listUnits(db: Db): Promise<AdministrativeUnit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('code').execute();
  return rows.map(toUnit);
}

/** Renames a unit. */
export async function renameUnit(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('units').set({ name }).where('id', '=', id).execute();
}

/** The unit with this code, if any. */
export async function findUnitByCode(db: Db, code: string): Promise<AdministrativeUnit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** The unit with this id, if any. */
export async function findUnitById(db: Db, id: string): Promise<AdministrativeUnit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** The first unit of this level by code (the parent a lower server's unit hangs under), if any. */
export async function firstUnitOfLevel(db: Db, level: AdministrativeUnit['level']): Promise<string | undefined> {
  const row = await db.selectFrom('units').select('id').where('level', '=', level).orderBy('code').executeTakeFirst();
  return row?.id;
}
