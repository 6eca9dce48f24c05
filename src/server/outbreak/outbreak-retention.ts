/**
 * Retention of outbreak health data: follow-ups and their daily entries are deleted `keepDaysAfterEnd`
 * days after the follow-up ended; a case goes when none of its follow-ups remain and its window is that old.
 */
import type { Db } from '../db/database';
import { DAY_MS } from './days';
import { getOutbreakSettings, purgeOutbreak } from './outbreak-repo';
import { settle } from './outbreak-service';

/** Settles follow-ups by the clock, then deletes what is past the keep period; returns the counts. */
export async function purgeOutbreakData(db: Db, now: number): Promise<{ followups: number; cases: number }> {
  await settle(db, now);
  const { keepDaysAfterEnd } = await getOutbreakSettings(db);
  return purgeOutbreak(db, now - keepDaysAfterEnd * DAY_MS);
}
