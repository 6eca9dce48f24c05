/**
 * Issue 11 (SEC-GATE): login limits as one counter row per key, reserved atomically with an upsert
 * before the password is checked (replaces `login_attempts`, which was read before and written after).
 */
import type { Kysely, Migration } from 'kysely';

export const secGateMigration: Migration = {
  /** Creates `login_limits` and drops the old `login_attempts`. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('login_limits')
      // sha256 of a namespace + lower(username) [+ address]: no usernames or addresses stored.
      .addColumn('key_hash', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.dropTable('login_attempts').execute();
  },
  /** Restores `login_attempts` (empty) and drops `login_limits`. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.dropTable('login_limits').execute();
  },
};
