/**
 * Helpers every console route uses: the signed-in user, body validation, the audit trail.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { describeIssues } from '../../../shared/protocol';
import type { ConsoleUser } from '../../auth/roles';
import { appendAudit } from '../../db/audit-repo';
import { sendError } from '../../http/errors';
import type { RouteDeps } from '../deps';

/** The console user the gate attached (routes behind the gate always have one). */
export function userOf(request: FastifyRequest): ConsoleUser {
  const user = request.consoleUser;
  if (!user) throw new Error('console route reached without a signed-in user');
  return user;
}

/** Validates a body; on failure sends 400 and returns undefined. */
export function parseBody<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
  reply: FastifyReply,
): v.InferOutput<S> | undefined {
  const parsed = v.safeParse(schema, body);
  if (parsed.success) return parsed.output;
  void sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));
  return undefined;
}

/** Records an administrative action by the request's user. */
export async function audit(
  deps: RouteDeps,
  request: FastifyRequest,
  action: string,
  target: { type: string; id: string } | null,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  const user = request.consoleUser;
  await appendAudit(deps.db, {
    at: deps.now(),
    userId: user?.id ?? null,
    username: user?.username ?? null,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    detail,
  });
}
