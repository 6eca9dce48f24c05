/**
 * Identity merges (`person_merges`): person keys a tracer decided are one person.
 */
import type { Db } from '../db/database';
import type { PersonMerge } from './identity';

/** Every identity merge (a small table: merges are made by hand). */
export async function listMerges(db: Db): Promise<PersonMerge[]> {
  const rows = await db.selectFrom('person_merges').select(['person_key', 'group_key']).execute();
  return rows.map((r) => ({ personKey: r.person_key, groupKey: r.group_key }));
}

/** Stores merges (insert or move a key to its new group). */
export async function saveMerges(db: Db, merges: readonly PersonMerge[], by: string | null, at: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const m of merges) {
      await trx
        .insertInto('person_merges')
        .values({ person_key: m.personKey, group_key: m.groupKey, merged_by: by, merged_at: at })
        .onConflict((oc) =>
          oc.column('person_key').doUpdateSet({ group_key: m.groupKey, merged_by: by, merged_at: at }),
        )
        .execute();
    }
  });
}

/** Removes a key from its merged identity (it becomes its own person again). */
export async function unmergeKey(db: Db, personKey: string): Promise<void> {
  await db.deleteFrom('person_merges').where('person_key', '=', personKey).execute();
}
