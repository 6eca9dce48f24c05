/**
 * Forwarding, sending side: the durable outbox of accepted check-in ids still to send to the server above.
 */
import type { Db } from '../db/database';

/** Rows per INSERT into the outbox (one bound parameter pair per row, far under every engine's limit). */
const ROWS_PER_STATEMENT = 500;

/** Queues check-in ids for forwarding; call inside the transaction that inserted them. Re-queuing an id is a no-op. */
export async function enqueueForward(trx: Db, checkinIds: Iterable<string>, at: number): Promise<void> {
  const ids = [...checkinIds];
  for (let start = 0; start < ids.length; start += ROWS_PER_STATEMENT) {
    const rows = ids
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((id) => ({ checkin_id: id, queued_at: at, rejected_at: null, reject_reason: null }));
    await trx
      .insertInto('forward_outbox')
      .values(rows)
      .onConflict((oc) => oc.column('checkin_id').doNothing())
      .execute();
  }
}

/** The oldest (by id, i.e. UUIDv7 time) ids still to send, skipping those the server above rejected. */
export async function nextForwardBatch(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('forward_outbox')
    .select('checkin_id')
    .where('rejected_at', 'is', null)
    .orderBy('checkin_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.checkin_id);
}

/** Removes ids the server above confirmed (accepted or duplicate), or whose check-in no longer exists. */
export async function removeForwarded(db: Db, checkinIds: readonly string[]): Promise<void> {
  if (checkinIds.length === 0) return;
  await db.deleteFrom('forward_outbox').where('checkin_id', 'in', checkinIds).execute();
}

/** Flags ids the server above rejected: they stay in the outbox, skipped, until an operator re-queues them. */
export async function flagRejected(
  db: Db,
  rejected: readonly { id: string; reason: string }[],
  at: number,
): Promise<void> {
  for (const r of rejected) {
    await db
      .updateTable('forward_outbox')
      .set({ rejected_at: at, reject_reason: r.reason.slice(0, 300) })
      .where('checkin_id', '=', r.id)
      .execute();
  }
}

/** Clears the rejected flag of every outbox row so the forwarder tries them again; returns how many. */
export async function requeueRejected(db: Db): Promise<number> {
  const result = await db
    .updateTable('forward_outbox')
    .set({ rejected_at: null, reject_reason: null })
    .where('rejected_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Outbox size: rows still to send and rows the server above rejected. */
export async function outboxCounts(db: Db): Promise<{ pending: number; rejected: number }> {
  const rows = await db
    .selectFrom('forward_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('rejected_at').as('rejected')])
    .executeTakeFirstOrThrow();
  return { pending: Number(rows.n) - Number(rows.rejected), rejected: Number(rows.rejected) };
}
