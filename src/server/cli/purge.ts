/**
 * `purge`: deletes check-ins older than the district's retention setting now (the server also does
 * it daily). Prints counts only.
 */
import { openTarget } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { purgeExpired } from '../services/retention';
import { databaseTargetIn } from './paths';

/** Runs one purge on the data directory's database. */
export async function purge(dataDir: string): Promise<void> {
  const db = openTarget(databaseTargetIn(dataDir));
  try {
    await migrateToLatest(db);
    const r = await purgeExpired(db, Date.now());
    console.log(
      `retention: deleted ${r.checkins} check-ins older than ${r.retentionDays} days and ${r.notices} expired notices, ${r.audit} audit entries`,
    );
  } finally {
    await db.destroy();
  }
}
