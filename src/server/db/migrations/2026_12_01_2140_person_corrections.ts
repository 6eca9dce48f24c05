/**
 * Corrections of a check-in's person sent by guard devices (issue 12: a name the hand scanner garbled,
 * a phone added at the door). The corrected check-in row stays as it was received, for audit; tracing
 * shows the latest correction of a person key over it.
 */
import type { Kysely, Migration } from 'kysely';

export const personCorrectionsMigration: Migration = {
  /** Creates `person_corrections` with its person-key index. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('person_corrections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('checkin_id', 'text', (c) => c.notNull())
      .addColumn('person_key', 'text', (c) => c.notNull())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_folded', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('device_time', 'bigint', (c) => c.notNull())
      .addColumn('corrected_time', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('person_corrections_person_key_idx')
      .on('person_corrections')
      .columns(['person_key', 'corrected_time'])
      .execute();
  },
  /** Drops the table. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('person_corrections').execute();
  },
};
