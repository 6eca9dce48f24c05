/**
 * Door-screen credentials: a tablet at the entrance holds a token that can only fetch its
 * checkpoint's rotating code. Only the hash is stored; a new link revokes the previous ones.
 */
import type { Db } from './database';

/** Stores a new door-screen token hash for a checkpoint and revokes the checkpoint's older ones. */
export async function replaceDoorScreen(
  db: Db,
  checkpointId: string,
  tokenHash: string,
  createdBy: string | null,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('door_screens')
      .set({ revoked_at: now })
      .where('checkpoint_id', '=', checkpointId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('door_screens')
      .values({
        token_hash: tokenHash,
        checkpoint_id: checkpointId,
        created_at: now,
        created_by: createdBy,
        revoked_at: null,
      })
      .execute();
  });
}

/** The checkpoint a live door-screen token belongs to, if any. */
export async function findDoorScreenCheckpoint(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('door_screens')
    .select('checkpoint_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.checkpoint_id;
}
