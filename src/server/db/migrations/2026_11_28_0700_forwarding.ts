/**
 * Forwarding upward (issue 6). District side: `forward_outbox`, the ids of accepted check-ins still to
 * send to the province, written in the same transaction as the check-ins. Province side: devices of kind
 * 'upstream' (a district server, tied to the district unit it feeds through `devices.unit_id`) and
 * 'forwarded' (a district's device, known by id only, never able to authenticate).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../database';

export const forwardingMigration: Migration = {
  /** Creates the outbox, adds `devices.unit_id` and (PostgreSQL) widens the device-kind check. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('forward_outbox')
      .addColumn('checkin_id', 'text', (c) => c.primaryKey())
      .addColumn('queued_at', 'bigint', (c) => c.notNull())
      // Set when the province rejected the item: it stays, is skipped, and is counted in the logs.
      .addColumn('rejected_at', 'bigint')
      .addColumn('reject_reason', 'text')
      .execute();
    await db.schema
      .alterTable('devices')
      .addColumn('unit_id', 'text', (c) => c.references('units.id'))
      .execute();
    if (dialectOf(db) === 'postgres') {
      await sql`alter table devices drop constraint if exists devices_kind_check`.execute(db);
      await sql`alter table devices add constraint devices_kind_check check (kind in ('guard', 'visitor', 'upstream', 'forwarded'))`.execute(
        db,
      );
    }
  },
  /** Drops the outbox and the unit column. */
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('forward_outbox').execute();
    await db.schema.alterTable('devices').dropColumn('unit_id').execute();
  },
};
