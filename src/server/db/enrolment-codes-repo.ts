/**
 * One-time enrolment codes, stored as hashes only.
 */
import type { EnrolmentCode } from '../domain/types';
import type { Db } from './database';

/** Stores a new (unused) code hash for a checkpoint. */
export async function insertEnrolmentCode(db: Db, code: Omit<EnrolmentCode, 'usedAt' | 'usedByDevice'>): Promise<void> {
  await db
    .insertInto('enrolment_codes')
    .values({
      code_hash: code.codeHash,
      checkpoint_id: code.checkpointId,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
      used_at: null,
      used_by_device: null,
    })
    .execute();
}

/** The code with this hash, if any. */
export async function findEnrolmentCode(db: Db, codeHash: string): Promise<EnrolmentCode | undefined> {
  const row = await db.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
  if (!row) return undefined;
  return {
    codeHash: row.code_hash,
    checkpointId: row.checkpoint_id,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at === null ? null : Number(row.used_at),
    usedByDevice: row.used_by_device,
  };
}

/**
 * Marks the code used by a device, only if it is still unused and unexpired. One conditional UPDATE,
 * so of two concurrent claims exactly one changes a row (also on PostgreSQL). True when this call won.
 */
export async function claimEnrolmentCode(db: Db, codeHash: string, deviceId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('enrolment_codes')
    .set({ used_at: now, used_by_device: deviceId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
