/**
 * The audit log: every administrative action, who did it, when, on what. Never personal data of visitors.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntry } from '../../shared/console-api/answers';
import type { Db } from './database';

/** Appends one entry. */
export async function appendAudit(db: Db, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      at: entry.at,
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
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
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  }));
}

/** Deletes audit entries older than `cutoff`; returns how many. */
export async function deleteAuditBefore(db: Db, cutoff: number): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
