/**
 * The directory of names (`person_names`, migration 2026_12_08_0100_person_names): which person keys have carried a
 * name. A trigger on `checkins` fills it; this module reads it for the tracer's name search and forgets each name no
 * check-in carries any more.
 */
import { sql } from 'kysely';
import { dialectOf, type Db } from './database';

/** Person keys whose names one purge statement checks: short statements, so pushes wait little between them. */
const PURGE_KEYS = 2000;

/**
 * The person keys whose folded, space-less name matches `pattern` (a LIKE pattern with `\` as its escape), or null
 * when more than `max` match: then a scan of the check-ins answers sooner than a list of keys that long.
 */
export async function personKeysNamed(db: Db, pattern: string, max: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom('person_names')
    .select('person_key')
    .distinct()
    .where(sql<boolean>`name_compact like ${pattern} escape '\\'`)
    .limit(max + 1)
    .execute();
  return rows.length > max ? null : rows.map((r) => r.person_key);
}

/** Deletes the pairs of keys in (after, last] that no check-in of the key carries; returns how many. */
async function purgeKeyRange(db: Db, after: string, last: string): Promise<number> {
  const result = await db
    .deleteFrom('person_names')
    .where('person_key', '>', after)
    .where('person_key', '<=', last)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('checkins')
            .select(sql`1`.as('one'))
            .whereRef('checkins.person_key', '=', 'person_names.person_key')
            .where('checkins.kind', '=', 'in')
            .where(sql<boolean>`replace(checkins.name_folded, ' ', '') = person_names.name_compact`),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Forgets every name that no check-in carries any more (after retention), pair by pair: a household's phone key or
 * a visitor who renamed the profile keeps checking in under the same key, and the old name must still go. Runs
 * PURGE_KEYS keys per statement. On PostgreSQL each statement holds a lock that makes a check-in being written
 * wait (and waits for those in flight), so a name written again while the purge reads cannot be deleted behind it.
 * Returns how many pairs went.
 */
export async function purgeOrphanNames(db: Db): Promise<number> {
  const postgres = dialectOf(db) === 'postgres';
  let after = '';
  let removed = 0;
  for (;;) {
    const page = await db
      .selectFrom('person_names')
      .select('person_key')
      .where('person_key', '>', after)
      .groupBy('person_key')
      .orderBy('person_key')
      .limit(PURGE_KEYS)
      .execute();
    const last = page.at(-1)?.person_key;
    if (last === undefined) return removed;
    removed += postgres
      ? await db.transaction().execute(async (trx) => {
          await sql`lock table person_names in share row exclusive mode`.execute(trx);
          return purgeKeyRange(trx, after, last);
        })
      : await purgeKeyRange(db, after, last);
    after = last;
  }
}
