/**
 * The district console: official accounts, database-backed sessions (shared by every server
 * instance), login attempts for rate limiting, the audit log, checkpoint opening hours, and the
 * flag on check-ins a revoked device queued before its revocation.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const consoleMigration: Migration = {
  /**
   * Creates users, sessions, login_attempts, audit_log, door_screens; adds checkpoints.opening_hours and
   * checkins.from_revoked_device.
   */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint')
      .addCheckConstraint('users_role_check', sql`role in ('admin', 'officer', 'tracer')`)
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // sha256 of lower(username) + IP: no personal data in the table.
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_key_at_idx').on('login_attempts').columns(['key_hash', 'at']).execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('username', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

    // Door-screen tablets: a credential that can only fetch the checkpoint's rotating code.
    await db.schema
      .createTable('door_screens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('revoked_at', 'bigint')
      .execute();

    await db.schema.alterTable('checkpoints').addColumn('opening_hours', 'text').execute();
    await db.schema.alterTable('checkins').addColumn('from_revoked_device', 'integer').execute();
  },

  /** Drops what up created. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('checkins').dropColumn('from_revoked_device').execute();
    await db.schema.alterTable('checkpoints').dropColumn('opening_hours').execute();
    for (const table of ['door_screens', 'audit_log', 'login_attempts', 'sessions', 'users'])
      await db.schema.dropTable(table).execute();
  },
};
