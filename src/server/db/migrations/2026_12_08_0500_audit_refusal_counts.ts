/**
 * Refused console requests of nobody known (no session) are counted, not listed: one audit row per route pattern,
 * method, status, reason code and 10-minute window, its `repeat_count` raised by one upsert per refusal
 * (`db/audit-repo.ts`), so an anonymous loop cannot grow the log without bound. Other rows keep it null.
 */
import type { Kysely, Migration } from 'kysely';

export const auditRefusalCountsMigration: Migration = {
  /** Adds audit_log.repeat_count. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('audit_log').addColumn('repeat_count', 'integer').execute();
  },
  /** Drops it. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('audit_log').dropColumn('repeat_count').execute();
  },
};
