/**
 * Risk at the door (issue 12): what the device showed about a check-in's declaration. `risk_kinds` is a
 * bitmask (1 = a symptom, 2 = an exposure; 0 = none; null = not sent) that the dashboard counts and
 * tracing filters on; `declaration_status` is current / stale / missing; `risk` keeps the whole claim as JSON.
 */
import type { Kysely, Migration } from 'kysely';

export const doorRiskMigration: Migration = {
  /** Adds the three nullable risk columns to `checkins` (rows stored before keep null). */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('checkins').addColumn('risk_kinds', 'integer').execute();
    await db.schema.alterTable('checkins').addColumn('declaration_status', 'text').execute();
    await db.schema.alterTable('checkins').addColumn('risk', 'text').execute();
  },
  /** Drops them. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('checkins').dropColumn('risk').execute();
    await db.schema.alterTable('checkins').dropColumn('declaration_status').execute();
    await db.schema.alterTable('checkins').dropColumn('risk_kinds').execute();
  },
};
