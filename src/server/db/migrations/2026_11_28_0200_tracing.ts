/**
 * Tracing: identity merges a tracer made, and the risk notices published to visitor and guard apps.
 * One partial index on check-ins: check-outs by checkpoint and time (only 'out' rows pay for it at
 * ingest), so a trace finds long stays that began before a case arrived without reading hours of rows.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const tracingMigration: Migration = {
  /** Creates person_merges, risk_notices and the partial check-out index. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('person_merges')
      .addColumn('person_key', 'text', (c) => c.primaryKey())
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('merged_by', 'text')
      .addColumn('merged_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('person_merges_group_idx').on('person_merges').column('group_key').execute();

    await db.schema
      .createTable('risk_notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('window_end', 'bigint', (c) => c.notNull())
      .addColumn('instructions', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('withdrawn_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('checkins_out_checkpoint_time_idx')
      .on('checkins')
      .columns(['checkpoint_id', 'corrected_time'])
      .where(sql.ref('kind'), '=', 'out')
      .execute();
    await db.schema.createIndex('risk_notices_expires_idx').on('risk_notices').column('expires_at').execute();
  },
  /** Drops them again. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('checkins_out_checkpoint_time_idx').execute();
    await db.schema.dropTable('risk_notices').execute();
    await db.schema.dropTable('person_merges').execute();
  },
};
