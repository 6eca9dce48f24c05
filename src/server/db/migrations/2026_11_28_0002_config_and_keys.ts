/**
 * District configuration as data: questionnaire versions, district settings, and the server's
 * signing keys (kept in the database so every server instance signs and verifies alike).
 */
import type { Kysely, Migration } from 'kysely';

export const configAndKeysMigration: Migration = {
  /** Creates questionnaires, district_settings and server_keys. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('questionnaires')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema
      .createTable('district_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('server_keys')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  /** Drops them again. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('server_keys').execute();
    await db.schema.dropTable('district_settings').execute();
    await db.schema.dropTable('questionnaires').execute();
  },
};
