/**
 * Beyond one district (PostgreSQL only; a no-op on SQLite): `checkins` becomes a table partitioned by
 * month of its UUIDv7 id, with a default partition for ids outside the months created ahead (see
 * `db/partitions.ts` for why the id and not the corrected time). The id column gets the "C" collation
 * so its text sorts bytewise, which is what the time order of UUIDv7 text needs. Columns, checks,
 * foreign keys and indexes stay those of the earlier migrations.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../database';

/** Secondary indexes of `checkins` as the earlier migrations made them, re-created on the partitioned table. */
const INDEXES = [
  sql`create index checkins_checkpoint_time_idx on checkins (checkpoint_id, corrected_time)`,
  sql`create index checkins_person_key_idx on checkins (person_key)`,
  sql`create index checkins_out_checkpoint_time_idx on checkins (checkpoint_id, corrected_time) where kind = 'out'`,
];

export const scaleMigration: Migration = {
  /** Replaces `checkins` by its month-partitioned twin (PostgreSQL), keeping every row. */
  async up(db: Kysely<unknown>): Promise<void> {
    if (dialectOf(db) !== 'postgres') return;
    await sql`alter table checkins rename to checkins_unpartitioned`.execute(db);
    await sql`alter table checkins_unpartitioned rename constraint checkins_pkey to checkins_unpartitioned_pkey`.execute(
      db,
    );
    for (const index of [
      'checkins_checkpoint_time_idx',
      'checkins_person_key_idx',
      'checkins_out_checkpoint_time_idx',
    ]) {
      await sql`drop index if exists ${sql.id(index)}`.execute(db);
    }
    await sql`alter table checkins_unpartitioned alter column id type text collate "C"`.execute(db);
    await sql`create table checkins (like checkins_unpartitioned including defaults including constraints) partition by range (id)`.execute(
      db,
    );
    await sql`alter table checkins add constraint checkins_pkey primary key (id)`.execute(db);
    await sql`alter table checkins add constraint checkins_checkpoint_fk foreign key (checkpoint_id) references checkpoints (id)`.execute(
      db,
    );
    await sql`alter table checkins add constraint checkins_device_fk foreign key (device_id) references devices (id)`.execute(
      db,
    );
    await sql`create table checkins_default partition of checkins default`.execute(db);
    for (const index of INDEXES) await index.execute(db);
    await sql`insert into checkins select * from checkins_unpartitioned`.execute(db);
    await sql`drop table checkins_unpartitioned`.execute(db);
  },
  /** Back to one plain table (PostgreSQL). */
  async down(db: Kysely<unknown>): Promise<void> {
    if (dialectOf(db) !== 'postgres') return;
    await sql`create table checkins_plain (like checkins including defaults including constraints)`.execute(db);
    await sql`insert into checkins_plain select * from checkins`.execute(db);
    await sql`drop table checkins`.execute(db);
    await sql`alter table checkins_plain rename to checkins`.execute(db);
    await sql`alter table checkins add primary key (id)`.execute(db);
    for (const index of INDEXES) await index.execute(db);
  },
};
