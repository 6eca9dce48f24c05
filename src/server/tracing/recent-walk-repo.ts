/**
 * The tracer's name search for a name many people share: the check-ins walked newest first on the recent check-in
 * index (migration 2026_12_08_0300_recent_checkins), so the people seen last are met first and the walk stops at
 * the last one asked for. Rows stay here; callers get person keys.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db } from '../db/database';
import type { DatabaseSchema } from '../db/schema';

/** One condition the search asks of a check-in row. */
export type RowCondition = (eb: ExpressionBuilder<DatabaseSchema, 'checkins'>) => Expression<SqlBool>;

/** Check-ins one step of the walk newest first reads. */
const WALK_PAGE = 5000;

/**
 * Where the walk's next step ends: the time of the `count`-th newest check-in before `before` (or of all), read on
 * the recent check-in index (migration 2026_12_08_0300_recent_checkins); null when fewer are left. The step takes
 * every check-in of that time, so check-ins of one millisecond never fall between two steps.
 */
async function stepEnd(db: Db, before: number | null, count: number): Promise<number | null> {
  let query = db
    .selectFrom('checkins')
    .select('corrected_time')
    .where('kind', '=', 'in')
    .orderBy('corrected_time', 'desc')
    .limit(1)
    .offset(count - 1);
  if (before !== null) query = query.where('corrected_time', '<', before);
  const row = await query.executeTakeFirst();
  return row ? Number(row.corrected_time) : null; // PostgreSQL's bigint comes as a string
}

/**
 * The keys of the `limit` people seen last, walking the check-ins newest first (by time, then id): the first `limit`
 * keys met with a matching check-in are those whose latest matching check-in is latest. Gives up (null) after `budget` check-ins
 * read without meeting them all; a common name meets them within the first few thousand.
 */
export async function keysSeenLast(
  db: Db,
  where: readonly RowCondition[],
  limit: number,
  budget: number,
): Promise<string[] | null> {
  const met = new Set<string>();
  let before: number | null = null;
  for (let read = 0; read < budget; read += WALK_PAGE) {
    const from = await stepEnd(db, before, Math.min(WALK_PAGE, budget - read));
    let query = db
      .selectFrom('checkins')
      .select('person_key')
      .where('kind', '=', 'in')
      .orderBy('corrected_time', 'desc')
      .orderBy('id', 'desc');
    if (before !== null) query = query.where('corrected_time', '<', before);
    if (from !== null) query = query.where('corrected_time', '>=', from);
    for (const w of where) query = query.where(w);
    for (const r of await query.execute()) {
      met.add(r.person_key);
      if (met.size === limit) return [...met];
    }
    if (from === null) return [...met]; // the oldest check-in read: everyone the search matches was met
    before = from;
  }
  return null;
}
