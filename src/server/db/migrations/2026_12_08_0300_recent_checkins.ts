/**
 * Finding a case by a common name: the directory of names (2026_12_08_0100_person_names) lists the keys a name
 * matches, and the search then reads each key's latest check-in to order them, about 16 µs a key: 2.4 s for "An"
 * (149,794 keys) at 10 million check-ins, and above 200,000 keys it read the whole table instead (minutes at province
 * scale). The people seen last with a common name are among the last check-ins, so the search now walks the
 * check-ins newest first and stops at the 100th person met. This index is that order: the check-ins (`kind = 'in'`, the
 * only rows the search counts) by time. New check-ins land at its right-hand end.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const recentCheckinsMigration: Migration = {
  /** Adds checkins_in_time_idx. */
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index checkins_in_time_idx on checkins (corrected_time) where kind = 'in'`.execute(db);
  },
  /** Drops it. */
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop index checkins_in_time_idx`.execute(db);
  },
};
