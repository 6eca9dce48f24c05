/**
 * Retention: check-ins older than the district's setting are deleted from the server every day,
 * checkpoint by checkpoint (each delete rides the (checkpoint_id, corrected_time) index), and the
 * deletion is logged as a count only. Rows received before the cutoff go too (whatever time they claim),
 * and the directory of names forgets each name no check-in carries any more. Expired risk notices go as well, audit
 * entries older than AUDIT_RETENTION_DAYS and device proof ids older than PROOF_ID_KEEP_MS (kept that long to refuse a
 * replayed proof).
 */
import type { Db } from '../db/database';
import { deleteCheckinsBefore, deleteCheckinsReceivedBefore } from '../db/checkins-repo';
import { purgeOrphanNames } from '../db/person-names-repo';
import { listCheckpointIds } from '../db/checkpoints-repo';
import { deleteExpiredNotices } from '../db/notices-repo';
import { dropExpiredPartitions } from '../db/partitions';
import { deleteAuditBefore } from '../db/audit-repo';
import { getSettings } from '../db/settings-repo';
import { purgeOutbreakData } from '../outbreak/outbreak-retention';
import { purgeExpiredQuota } from '../db/ingest-quota-repo';
import { purgeProofIdsBefore } from '../db/devices-repo';
import { PROOF_ID_KEEP_MS } from '../sealed/proof-check';

const DAY_MS = 86_400_000;
/** How long the audit log keeps an entry (docs/security.md). */
export const AUDIT_RETENTION_DAYS = 365;

/** What one purge removed. */
interface PurgeResult {
  cutoff: number;
  retentionDays: number;
  checkins: number;
  /** Names forgotten from the directory of names (key and name pairs no check-in carries any more). */
  names: number;
  notices: number;
  /** Audit entries older than AUDIT_RETENTION_DAYS deleted. */
  audit: number;
  /** Whole month partitions dropped (PostgreSQL only; their rows are counted in `checkins`). */
  partitions: number;
  /** Outbreak follow-ups and cases past the keep period after their follow-up ended. */
  outbreak: { followups: number; cases: number };
  /** Device proof ids older than PROOF_ID_KEEP_MS forgotten. */
  proofIds: number;
}

/** Deletes check-ins whose corrected time is older than `retentionDays` before `now`, and expired notices. */
export async function purgeExpired(db: Db, now: number): Promise<PurgeResult> {
  const { retentionDays } = await getSettings(db);
  const cutoff = now - retentionDays * DAY_MS;
  // PostgreSQL: whole expired months go first as partitions; the row-by-row delete below takes the rest.
  const dropped = await dropExpiredPartitions(db, cutoff);
  let checkins = dropped.checkins;
  for (const id of await listCheckpointIds(db)) checkins += await deleteCheckinsBefore(db, id, cutoff);
  // Rows whose corrected time lies in the far future would escape the purge above: received time decides too.
  checkins += await deleteCheckinsReceivedBefore(db, cutoff);
  const names = await purgeOrphanNames(db); // the directory of names forgets every name no check-in carries now
  const notices = await deleteExpiredNotices(db, now);
  const audit = await deleteAuditBefore(db, now - AUDIT_RETENTION_DAYS * DAY_MS);
  const outbreak = await purgeOutbreakData(db, now);
  await purgeExpiredQuota(db, now); // ingest quota windows that are over
  const proofIds = await purgeProofIdsBefore(db, now - PROOF_ID_KEEP_MS);
  return { cutoff, retentionDays, checkins, names, notices, partitions: dropped.partitions, audit, outbreak, proofIds };
}

/** A running daily purge; `stop` cancels it. */
interface RetentionTimer {
  stop(): void;
}

/** Runs the purge shortly after start and then every day; logs counts only (never personal data). */
export function startRetentionTimer(
  db: Db,
  now: () => number,
  log: (message: string) => void,
  firstDelayMs = 60_000,
): RetentionTimer {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async (): Promise<void> => {
    try {
      const r = await purgeExpired(db, now());
      log(
        `retention: deleted ${r.checkins} check-ins older than ${r.retentionDays} days and ${r.notices} expired notices, ${r.audit} audit entries, ${r.proofIds} old device proof ids`,
      );
      if (r.outbreak.followups + r.outbreak.cases > 0)
        log(`retention: deleted ${r.outbreak.followups} ended follow-ups and ${r.outbreak.cases} outbreak cases`);
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
