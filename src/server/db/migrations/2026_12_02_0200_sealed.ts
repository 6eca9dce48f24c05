/**
 * Sealed check-ins and signed pushes (issue 14): each device's public signing key, the proof ids
 * already used (replay refused), and a flag for check-ins whose device time could not be corrected.
 */
import type { Kysely, Migration } from 'kysely';

export const sealedMigration: Migration = {
  /** Adds `devices.public_jwk`, `checkins.time_uncertain` and the `device_proofs` table. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('devices').addColumn('public_jwk', 'text').execute();
    await db.schema.alterTable('checkins').addColumn('time_uncertain', 'integer').execute();
    await db.schema
      .createTable('device_proofs')
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('jti', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('device_proofs_pk', ['device_id', 'jti'])
      .execute();
    await db.schema.createIndex('device_proofs_seen_at').on('device_proofs').column('seen_at').execute();
  },
  /** Drops them again. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('device_proofs').execute();
    await db.schema.alterTable('checkins').dropColumn('time_uncertain').execute();
    await db.schema.alterTable('devices').dropColumn('public_jwk').execute();
  },
};
