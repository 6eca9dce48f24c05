/**
 * Retention deletes beyond the per-checkpoint corrected-time purge: check-ins the server RECEIVED
 * before the cutoff (a far-future claimed or corrected time must not keep a row forever), and audit
 * entries older than their own period.
 */
import type { Db } from './database';

/** Deletes check-ins received before `cutoff` whatever time they claim; returns how many. */
export async function deleteCheckinsReceivedBefore(db: Db, cutoff: number): Promise<number> {
  const result = await db.deleteFrom('checkins').where('received_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes audit entries older than `cutoff`; returns how many. */
export async function deleteAuditBefore(db: Db, cutoff: number): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
