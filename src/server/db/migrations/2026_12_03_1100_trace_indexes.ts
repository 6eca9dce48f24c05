/**
 * Two indexes for tracing at province scale (issue 16; docs/tracing-at-scale.md):
 * - the person index gains the corrected time: (person_key) becomes (person_key, corrected_time), so "this
 *   person's check-ins between two times" (where the people near a case went next, the case's own window) seeks
 *   straight to its rows instead of reading every row of the person; lookups by person alone use its prefix;
 * - a partial index of the check-ins that declared a risk at the door, (person_key, corrected_time) where
 *   risk_kinds > 0, so marking a trace's thousands of contacts reads only the few risky rows.
 * On PostgreSQL an index on the partitioned table reaches every partition.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const traceIndexesMigration: Migration = {
  /** Replaces checkins_person_key_idx by checkins_person_time_idx; adds checkins_risk_person_time_idx. */
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index checkins_person_time_idx on checkins (person_key, corrected_time)`.execute(db);
    await sql`drop index checkins_person_key_idx`.execute(db);
    await sql`create index checkins_risk_person_time_idx on checkins (person_key, corrected_time) where kind = 'in' and risk_kinds > 0`.execute(
      db,
    );
  },
  /** Back to the index on person_key alone. */
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index checkins_risk_person_time_idx`.execute(db);
    await sql`create index checkins_person_key_idx on checkins (person_key)`.execute(db);
    await sql`drop index checkins_person_time_idx`.execute(db);
  },
};
