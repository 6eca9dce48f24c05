/**
 * The directory of names (`person_names`, migration 2026_12_08_0100_person_names): which person keys have carried a
 * name. A trigger on `checkins` fills it; this module reads it for the tracer's name search and forgets the keys whose
 * check-ins are all gone.
 */
import { sql } from 'kysely';
import type { Db } from './database';

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

/** Forgets the names of person keys with no check-in left (after retention); returns how many pairs went. */
export async function purgeOrphanNames(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('person_names')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('checkins')
            .select(sql`1`.as('one'))
            .whereRef('checkins.person_key', '=', 'person_names.person_key'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
