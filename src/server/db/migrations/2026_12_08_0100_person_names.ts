/**
 * Finding a case by name at province scale. A name is searched as a substring of the folded name, which no B-tree
 * index serves, so every name search read the whole `checkins` table (28.6 s through the console at 10 million
 * check-ins, `npm run bench:console-trace`). `person_names` is the directory of names: one row per person key and
 * folded name (spaces removed) that a stored check-in carries, a few hundred thousand rows for a district where `checkins`
 * holds millions. The search scans the directory for the keys, then reads only those keys' check-ins.
 *
 * A trigger fills it inside the insert's own statement, so every writer of new check-ins (the push writer thread,
 * queue uploads, forwarding, a restore) keeps it without knowing of it: on SQLite a row trigger, on PostgreSQL a
 * statement trigger over the inserted rows (`referencing new table`, one insert per statement; rows PostgreSQL's
 * partition upkeep moves straight into a partition do not pass it, and need not: they are in it already). Check-ins
 * are never updated, only inserted and deleted: the directory holds every (key, name) pair the table holds and, until
 * the daily purge forgets the pairs no check-in carries any more, some more; the search checks the name on the rows
 * again, so a pair left over changes no answer. Existing rows are copied in by this migration.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../database';

export const personNamesMigration: Migration = {
  /** Creates person_names, its trigger, and copies the names of the stored check-ins. */
  async up(db: Kysely<unknown>): Promise<void> {
    const postgres = dialectOf(db) === 'postgres';
    await sql
      .raw(
        `create table person_names (person_key text not null, name_compact text not null, primary key (person_key, name_compact))${postgres ? '' : ' without rowid'}`,
      )
      .execute(db);
    if (postgres) {
      // The schema's own directory whatever the inserting session's search_path; pairs in one order, so two pushes
      // writing the same new names cannot deadlock on the primary key.
      await sql`create function checkins_person_names() returns trigger language plpgsql
        set search_path from current as $$
        begin
          insert into person_names (person_key, name_compact)
            select distinct person_key, replace(name_folded, ' ', '') from checkins_new
            where kind = 'in' and name_folded is not null
            order by 1, 2
            on conflict do nothing;
          return null;
        end $$`.execute(db);
      await sql`create trigger checkins_person_names after insert on checkins
        referencing new table as checkins_new for each statement execute function checkins_person_names()`.execute(db);
    } else {
      await sql`create trigger checkins_person_names after insert on checkins
        when new.kind = 'in' and new.name_folded is not null
        begin
          insert or ignore into person_names (person_key, name_compact) values (new.person_key, replace(new.name_folded, ' ', ''));
        end`.execute(db);
    }
    await sql`insert into person_names (person_key, name_compact)
      select distinct person_key, replace(name_folded, ' ', '') from checkins where kind = 'in' and name_folded is not null
      on conflict do nothing`.execute(db);
  },
  /** Drops the trigger and the directory. */
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop trigger checkins_person_names${sql.raw(dialectOf(db) === 'postgres' ? ' on checkins' : '')}`.execute(
      db,
    );
    if (dialectOf(db) === 'postgres') await sql`drop function checkins_person_names()`.execute(db);
    await sql`drop table person_names`.execute(db);
  },
};
