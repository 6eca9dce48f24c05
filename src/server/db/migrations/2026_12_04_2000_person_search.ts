/**
 * Finding a case by ID number or phone at province scale: the tracer's search compared `id_number` and `phone` with no
 * index, so every search read the whole table (26–30 s through the console at 10 million check-ins,
 * `npm run bench:console-trace`).
 * - ID number: a 12-digit number always gives the person key `cccd:<id>` (`personKeyOf`), so a row keyed by a CCCD is
 *   found by its key; only rows with another key (an old 9-digit CMND) need the column, and this partial index holds
 *   just those. The search states the same condition literally so both planners can use it.
 * - Phone: any row may carry one (a CCCD scan with a phone typed in), so the index holds every row that has a phone.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const personSearchMigration: Migration = {
  /** Adds checkins_id_number_other_idx and checkins_phone_idx. */
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index checkins_id_number_other_idx on checkins (id_number) where id_number is not null and substr(person_key, 1, 5) <> 'cccd:'`.execute(
      db,
    );
    await sql`create index checkins_phone_idx on checkins (phone) where phone is not null`.execute(db);
  },
  /** Drops them. */
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index checkins_phone_idx`.execute(db);
    await sql`drop index checkins_id_number_other_idx`.execute(db);
  },
};
