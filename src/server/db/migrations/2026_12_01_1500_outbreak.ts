/**
 * Outbreak (issue 15): confirmed cases with their kept trace snapshot, their contacts, the follow-up
 * of confirmed F1 by commune health stations and the daily entries (health data, purged after the
 * district's keep period by the retention job).
 */
import type { Kysely, Migration } from 'kysely';

export const outbreakMigration: Migration = {
  /** Creates the four outbreak tables and their indexes. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('outbreak_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('person_keys', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('unit_id', 'text')
      .addColumn('confirmed_at', 'bigint', (c) => c.notNull())
      .addColumn('test_type', 'text', (c) => c.notNull())
      .addColumn('onset_at', 'bigint')
      .addColumn('isolation', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('window_end', 'bigint', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('snapshot_at', 'bigint', (c) => c.notNull())
      .addColumn('from_followup_id', 'text')
      .addColumn('parent_case_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema.createIndex('outbreak_cases_person_idx').on('outbreak_cases').column('person_id').execute();
    await db.schema
      .createTable('outbreak_contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('outbreak_cases.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('relationship', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('overlap_min', 'integer', (c) => c.notNull())
      .addColumn('last_exposure', 'bigint', (c) => c.notNull())
      .addColumn('places', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'bigint')
      .addColumn('decided_by', 'text')
      .execute();
    await db.schema
      .createIndex('outbreak_contacts_case_idx')
      .on('outbreak_contacts')
      .columns(['case_id', 'person_id'])
      .execute();
    await db.schema
      .createTable('outbreak_followups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('last_exposure', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .addColumn('last_reached_at', 'bigint')
      .addColumn('converted_case_id', 'text')
      .execute();
    await db.schema
      .createIndex('outbreak_followups_unit_idx')
      .on('outbreak_followups')
      .columns(['unit_id', 'status'])
      .execute();
    await db.schema.createIndex('outbreak_followups_person_idx').on('outbreak_followups').column('person_id').execute();
    await db.schema
      .createIndex('outbreak_followups_status_idx')
      .on('outbreak_followups')
      .columns(['status', 'ends_at'])
      .execute();
    await db.schema
      .createTable('outbreak_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('followup_id', 'text', (c) => c.notNull().references('outbreak_followups.id').onDelete('cascade'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('reached', 'integer', (c) => c.notNull())
      .addColumn('symptoms', 'text')
      .addColumn('test_type', 'text')
      .addColumn('test_result', 'text')
      .addColumn('location', 'text')
      .addColumn('note', 'text')
      .addColumn('by_user', 'text')
      .execute();
    await db.schema
      .createIndex('outbreak_entries_followup_idx')
      .on('outbreak_entries')
      .columns(['followup_id', 'day'])
      .execute();
    await db.schema
      .createIndex('outbreak_entries_day_idx')
      .on('outbreak_entries')
      .columns(['day', 'unit_id'])
      .execute();
  },
  /** Drops them again. */
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['outbreak_entries', 'outbreak_followups', 'outbreak_contacts', 'outbreak_cases'])
      await db.schema.dropTable(t).execute();
  },
};
