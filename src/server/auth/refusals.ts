/**
 * Audit entries for refused console requests (401/403): which route pattern, method, status and
 * reason code, and the account when a session was known. Never the URL text, query or body.
 */
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../db/audit-repo';
import type { Db } from '../db/database';

/** Records one refused console request in the audit log. */
export async function recordRefusal(
  db: Db,
  request: FastifyRequest,
  status: number,
  code: string,
  at: number,
): Promise<void> {
  const user = request.consoleUser;
  await appendAudit(db, {
    at,
    userId: user?.id ?? null,
    username: user?.username ?? null,
    action: 'console.refused',
    targetType: null,
    targetId: null,
    detail: { status, code, method: request.method, route: request.routeOptions.url ?? null },
  });
}
