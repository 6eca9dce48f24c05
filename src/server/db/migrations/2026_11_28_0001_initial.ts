/**
 * Initial schema: administrative units, checkpoints, enrolment codes, guard devices, check-ins.
 * Portable types only (text, integer, bigint, real) so PostgreSQL runs the same migration.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const initialMigration: Migration = {
  /** Creates every table and the two check-in indexes tracing needs. */
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('units.id'))
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addCheckConstraint('units_level_check', sql`level in ('province', 'district', 'commune')`)
      .execute();

    await db.schema
      .createTable('checkpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('default_stay_min', 'integer', (c) => c.notNull().defaultTo(60))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint(
        'checkpoints_type_check',
        sql`type in ('office', 'market', 'school', 'health_station', 'business', 'residential', 'other')`,
      )
      .addCheckConstraint('checkpoints_status_check', sql`status in ('open', 'closed')`)
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // 'guard': enrolled to one checkpoint; 'visitor': a visitor's phone sending its own self check-ins.
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('guard'))
      .addColumn('checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('label', 'text')
      .addColumn('app_version', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
      .addColumn('last_sync_at', 'bigint')
      .addColumn('clock_offset_ms', 'bigint')
      .addColumn('pending_reported', 'integer')
      .addColumn('revoked_at', 'bigint')
      // 'upstream' and 'forwarded' (forwarding, 2026_11_28_0700): added here because SQLite cannot alter a CHECK
      // and this migration has not shipped yet; PostgreSQL databases made before get it from 0700.
      .addCheckConstraint('devices_kind_check', sql`kind in ('guard', 'visitor', 'upstream', 'forwarded')`)
      .execute();

    await db.schema
      .createTable('enrolment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('used_by_device', 'text', (c) => c.references('devices.id'))
      .execute();

    await db.schema
      .createTable('checkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('group_id', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('device_time', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('clock_offset_ms', 'bigint', (c) => c.notNull())
      .addColumn('corrected_time', 'bigint', (c) => c.notNull())
      .addColumn('skew_flag', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_folded', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text')
      .addColumn('id_masked', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('birth_date', 'text')
      .addColumn('gender', 'text')
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('visitor_id', 'text')
      .addColumn('person_key', 'text', (c) => c.notNull())
      .addColumn('declaration', 'text')
      .addColumn('paper_sheet', 'text')
      .addColumn('paper_row', 'integer')
      .addColumn('ext', 'text')
      .addCheckConstraint('checkins_kind_check', sql`kind in ('in', 'out')`)
      .execute();

    // Tracing: who was at a checkpoint around a time; every visit of one person. Nothing else:
    // each secondary index costs ingest speed (guide §5).
    await db.schema
      .createIndex('checkins_checkpoint_time_idx')
      .on('checkins')
      .columns(['checkpoint_id', 'corrected_time'])
      .execute();
    await db.schema.createIndex('checkins_person_key_idx').on('checkins').column('person_key').execute();
  },

  /** Drops everything the up step created, children first. */
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['checkins', 'enrolment_codes', 'devices', 'checkpoints', 'units']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
