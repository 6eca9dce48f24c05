/**
 * The audit log: every administrative action, who did it, when, on what. Never personal data of visitors.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntry } from '../../shared/console-api/answers';
import type { Db } from './database';

/** The stored row of an entry under an id. */
function rowOf(id: string, entry: Omit<AuditEntry, 'id'>) {
  return {
    id,
    at: entry.at,
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
}

/** Appends one entry. */
export async function appendAudit(db: Db, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db.insertInto('audit_log').values(rowOf(uuidv7(), entry)).execute();
}

/**
 * Counts one more occurrence of an entry under a fixed `key` (the caller's window and kind): the first occurrence
 * inserts the row with a count of 1, every later one raises the count; one upsert statement, atomic on SQLite and
 * PostgreSQL alike, so concurrent occurrences neither lose a count nor add a row.
 */
export async function countAudit(db: Db, key: string, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ ...rowOf(key, entry), repeat_count: 1 })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({ repeat_count: eb(eb.fn.coalesce('audit_log.repeat_count', eb.lit(0)), '+', 1) })),
    )
    .execute();
}

/** The newest entries first, at most `limit`, optionally older than `before` (ms) for paging. */
export async function listAudit(db: Db, limit: number, before?: number): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit);
  if (before !== undefined) query = query.where('at', '<', before);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    at: Number(row.at),
    userId: row.user_id,
    username: row.username,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: detailOf(row.detail, row.repeat_count),
  }));
}

/** A row's detail object; a counted row's count joins it as `times`. */
function detailOf(text: string | null, count: number | null): Record<string, unknown> | null {
  const detail = text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  if (count === null) return detail;
  return { ...detail, times: Number(count) };
}

/** Deletes audit entries older than `cutoff`; returns how many. */
export async function deleteAuditBefore(db: Db, cutoff: number): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
