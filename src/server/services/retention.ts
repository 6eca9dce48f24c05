/**
 * Retention: check-ins older than the district's setting are deleted from the server every day,
 * checkpoint by checkpoint (each delete rides the (checkpoint_id, corrected_time) index), and the
 * deletion is logged as a count only. Expired risk notices go with them.
 */
import type { Db } from '../db/database';
import { deleteCheckinsBefore } from '../db/checkins-repo';
import { listCheckpointIds } from '../db/checkpoints-repo';
import { deleteExpiredNotices } from '../db/notices-repo';
import { dropExpiredPartitions } from '../db/partitions';
import { getSettings } from '../db/settings-repo';

const DAY_MS = 86_400_000;

/** What one purge removed. */
export interface PurgeResult {
  cutoff: number;
  retentionDays: number;
  checkins: number;
  notices: number;
  /** Whole month partitions dropped (PostgreSQL only; their rows are counted in `checkins`). */
  partitions: number;
}

/** Deletes check-ins whose corrected time is older than `retentionDays` before `now`, and expired notices. */
export async function purgeExpired(db: Db, now: number): Promise<PurgeResult> {
  const { retentionDays } = await getSettings(db);
  const cutoff = now - retentionDays * DAY_MS;
  // PostgreSQL: whole expired months go first as partitions; the row-by-row delete below takes the rest.
  const dropped = await dropExpiredPartitions(db, cutoff);
  let checkins = dropped.checkins;
  for (const id of await listCheckpointIds(db)) checkins += await deleteCheckinsBefore(db, id, cutoff);
  const notices = await deleteExpiredNotices(db, now);
  return { cutoff, retentionDays, checkins, notices, partitions: dropped.partitions };
}

/** A running daily purge; `stop` cancels it. */
export interface RetentionTimer {
  stop(): void;
}

/** Runs the purge shortly after start and then every day; logs counts only (never personal data). */
export function startRetentionTimer(db: Db, now: () => number, log: (message: string) => void, firstDelayMs = 60_000): RetentionTimer {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async (): Promise<void> => {
    try {
      const r = await purgeExpired(db, now());
      log(`retention: deleted ${r.checkins} check-ins older than ${r.retentionDays} days and ${r.notices} expired notices`);
    } catch (error) {
      log(`retention: purge failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    if (!stopped) timer = setTimeout(() => void run(), DAY_MS).unref();
  };
  timer = setTimeout(() => void run(), firstDelayMs).unref();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
