/**
 * Risk notices: a checkpoint and a time window where a confirmed case was, with the district's
 * instructions. Public by design (visitor apps compare them on the phone): never personal data.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './database';

/** A published notice. */
interface RiskNotice {
  id: string;
  checkpointId: string;
  checkpointName: string;
  start: number;
  end: number;
  instructions: string;
  publishedAt: number;
  expiresAt: number;
}

/** Stores notices for windows; returns their ids. */
export async function publishNotices(
  db: Db,
  windows: readonly { checkpointId: string; start: number; end: number }[],
  instructions: string,
  by: string | null,
  at: number,
  retentionDays: number,
): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const w of windows) {
      const id = uuidv7();
      ids.push(id);
      await trx
        .insertInto('risk_notices')
        .values({
          id,
          checkpoint_id: w.checkpointId,
          window_start: w.start,
          window_end: w.end,
          instructions,
          created_at: at,
          created_by: by,
          // A notice is useful while visit histories that could match it still exist.
          expires_at: w.end + retentionDays * 86_400_000,
          withdrawn_at: null,
        })
        .execute();
    }
  });
  return ids;
}

/** Notices in force at `now` (not expired, not withdrawn), newest window first. */
export async function activeNotices(db: Db, now: number, checkpointId?: string): Promise<RiskNotice[]> {
  let q = db
    .selectFrom('risk_notices')
    .innerJoin('checkpoints', 'checkpoints.id', 'risk_notices.checkpoint_id')
    .select([
      'risk_notices.id',
      'risk_notices.checkpoint_id',
      'checkpoints.name as checkpoint_name',
      'risk_notices.window_start',
      'risk_notices.window_end',
      'risk_notices.instructions',
      'risk_notices.created_at',
      'risk_notices.expires_at',
    ])
    .where('risk_notices.expires_at', '>', now)
    .where('risk_notices.withdrawn_at', 'is', null)
    .orderBy('risk_notices.window_start', 'desc');
  if (checkpointId) q = q.where('risk_notices.checkpoint_id', '=', checkpointId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    checkpointId: r.checkpoint_id,
    checkpointName: r.checkpoint_name,
    start: Number(r.window_start),
    end: Number(r.window_end),
    instructions: r.instructions,
    publishedAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  }));
}

/** Deletes notices past their expiry; returns how many. */
export async function deleteExpiredNotices(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('risk_notices').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
