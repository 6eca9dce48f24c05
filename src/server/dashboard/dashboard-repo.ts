/**
 * The dashboard's aggregate queries: check-ins per checkpoint in a window, per local day and
 * source, and the newest check-in of a checkpoint. Portable SQL (integer arithmetic, no date functions).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { checkpointIdsOfUnit } from '../db/checkpoints-repo';

export const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year: days on the dashboard are local days. */
export const LOCAL_OFFSET_MS = 7 * 3_600_000;

/** Check-ins per checkpoint with corrected time in [since, until). */
export async function countsByCheckpoint(
  db: Db,
  since: number,
  until: number,
  unitId: string | null,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('checkins')
    .select((eb) => ['checkpoint_id', eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'in') // a check-out is not a scan of anyone new
    .where('corrected_time', '>=', since)
    .where('corrected_time', '<', until)
    .groupBy('checkpoint_id');
  if (unitId !== null) query = query.where('checkpoint_id', 'in', checkpointIdsOfUnit(db, unitId));
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.checkpoint_id, Number(r.n)]));
}

/** Local day number (days since the epoch, Vietnam time) of a corrected time, as SQL. */
const localDay = sql<number>`(corrected_time + ${sql.lit(LOCAL_OFFSET_MS)}) / ${sql.lit(DAY_MS)}`;

/** Check-ins per local day and source with corrected time in [since, until). */
export async function countsByDayAndSource(
  db: Db,
  since: number,
  until: number,
  unitId: string | null,
): Promise<{ day: number; source: string; n: number }[]> {
  let query = db
    .selectFrom('checkins')
    .select((eb) => [localDay.as('day'), 'source', eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'in') // a check-out is not a scan of anyone new
    .where('corrected_time', '>=', since)
    .where('corrected_time', '<', until)
    .groupBy([localDay, 'source']);
  if (unitId !== null) query = query.where('checkpoint_id', 'in', checkpointIdsOfUnit(db, unitId));
  const rows = await query.execute();
  return rows.map((r) => ({ day: Number(r.day), source: r.source, n: Number(r.n) }));
}

/** The corrected time of a checkpoint's newest check-in, or null (one index lookup). */
export async function lastCheckinAt(db: Db, checkpointId: string): Promise<number | null> {
  const row = await db
    .selectFrom('checkins')
    .select((eb) => eb.fn.max('corrected_time').as('last'))
    .where('checkpoint_id', '=', checkpointId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

/** Unrevoked guard devices per checkpoint. */
export async function activeDeviceCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('devices')
    .select((eb) => ['checkpoint_id', eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'guard')
    .where('revoked_at', 'is', null)
    .groupBy('checkpoint_id')
    .execute();
  return new Map(rows.filter((r) => r.checkpoint_id !== null).map((r) => [r.checkpoint_id as string, Number(r.n)]));
}
