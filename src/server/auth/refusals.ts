/**
 * Audit entries for refused console requests (401/403): which route pattern, method, status and
 * reason code, and the account when a session was known. Never the URL text, query or body.
 *
 * A refusal of a known account is one entry each. Refusals of nobody known (no session, or a foreign Origin
 * before any session is read) are counted instead: one entry per route pattern, method, status, code and fixed
 * window of `REFUSAL_WINDOW_MS`, carrying how many there were, so an anonymous loop cannot grow the log without
 * bound or bury the entries an administrator needs.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { appendAudit, countAudit } from '../db/audit-repo';
import type { Db } from '../db/database';

/** Anonymous refusals are counted per window of this length (starting on the clock's 10-minute marks). */
export const REFUSAL_WINDOW_MS = 10 * 60_000;

/** The audit key of one anonymous refusal kind in the window holding `at`. */
function windowKey(at: number, kind: readonly unknown[]): string {
  const windowStart = at - (at % REFUSAL_WINDOW_MS);
  const hash = createHash('sha256').update(JSON.stringify(kind)).digest('hex').slice(0, 24);
  return `refused-${windowStart}-${hash}`;
}

/** Records one refused console request in the audit log (counted per window when no account is known). */
export async function recordRefusal(
  db: Db,
  request: FastifyRequest,
  status: number,
  code: string,
  at: number,
): Promise<void> {
  const user = request.consoleUser;
  const route = request.routeOptions.url ?? null;
  const detail = { status, code, method: request.method, route };
  const entry = { at, action: 'console.refused', targetType: null, targetId: null };
  if (user) {
    await appendAudit(db, { ...entry, userId: user.id, username: user.username, detail });
    return;
  }
  const key = windowKey(at, [route, request.method, status, code]);
  await countAudit(db, key, {
    ...entry,
    userId: null,
    username: null,
    detail: { ...detail, windowMin: REFUSAL_WINDOW_MS / 60_000 },
  });
}
