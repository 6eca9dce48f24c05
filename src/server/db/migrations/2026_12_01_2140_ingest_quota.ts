/**
 * Ingest quotas (issue 11, part 2): one row per counter and fixed window, incremented in the database by
 * the transaction that stores the push, so every server instance on one database counts alike.
 * `window_start` 0 marks a counter without a window (the revoked-device allowance).
 */
import type { Kysely, Migration } from 'kysely';

export const ingestQuotaMigration: Migration = {
  /** Creates `ingest_quota`. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ingest_quota')
      .addColumn('quota_key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('used', 'integer', (c) => c.notNull())
      // After this time the row is no longer read: the retention purge deletes it.
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('ingest_quota_pk', ['quota_key', 'window_start'])
      .execute();
  },
  /** Drops `ingest_quota`. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ingest_quota').execute();
  },
};
