/**
 * Console sign-in: POST /api/admin/login, POST /api/admin/logout, GET /api/admin/session (user +
 * CSRF token), POST /api/admin/password (change one's own password).
 */
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, readCookie, sessionCookie } from '../../auth/cookies';
import { logIn, logOut, resolveSession } from '../../auth/login';
import { hashPassword, verifyPassword } from '../../auth/password';
import { reserveSignIn } from '../../auth/login-limit';
import { judgePassword } from '../../auth/password-strength';
import { appendAudit } from '../../db/audit-repo';
import { sendWeakPassword } from './weak-password';
import { ANY_USER } from '../../auth/roles';
import { deleteUserSessions } from '../../db/sessions-repo';
import { findUserForLogin, setPasswordHash } from '../../db/users-repo';
import { sendError } from '../../http/errors';
import type { RouteDeps } from '../deps';
import { audit, parseBody, userOf } from './context';
import { adminRoutes } from '../../../shared/console-api';
import { LoginSchema, PasswordSchema } from '../../../shared/console-api/schemas';

/**
 * Audits a failed or refused sign-in: the reason and the account if it exists; never the typed username or password.
 */
async function auditFailedSignIn(deps: RouteDeps, reason: string, accountId: string | null): Promise<void> {
  await appendAudit(deps.db, {
    at: deps.now(),
    userId: accountId,
    username: null,
    action: 'session.login_failed',
    targetType: null,
    targetId: null,
    detail: { reason },
  });
}

/** Registers the session routes. */
export function registerSessionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(adminRoutes.login.pattern, { config: { consolePublic: true } }, async (request, reply) => {
    const body = parseBody(LoginSchema, request.body, reply);
    if (!body) return reply;
    const outcome = await logIn(deps.db, body.username, body.password, request.ip, deps.now());
    if (!outcome.ok && outcome.error === 'rate_limited') {
      await auditFailedSignIn(deps, 'rate_limited', null);
      reply.header('retry-after', String(outcome.retryAfterS));
      return sendError(
        reply,
        429,
        'too_many_attempts',
        `Too many failed sign-ins; try again in ${outcome.retryAfterS} s.`,
      );
    }
    if (!outcome.ok) {
      await auditFailedSignIn(deps, 'bad_credentials', outcome.accountId);
      return sendError(reply, 401, 'bad_credentials', 'The username or password is wrong.');
    }
    request.consoleUser = outcome.user;
    await audit(deps, request, 'session.login', { type: 'user', id: outcome.user.id });
    reply.header('set-cookie', sessionCookie(outcome.token, deps.publicUrl));
    return { user: outcome.user, csrfToken: outcome.csrfToken };
  });

  app.get(adminRoutes.session.pattern, { config: { access: ANY_USER, sessionProbe: true } }, async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const session = token ? await resolveSession(deps.db, token, deps.now()) : undefined;
    if (!session) return sendError(reply, 401, 'not_signed_in', 'Sign in to the console first.');
    reply.header('cache-control', 'no-store');
    return { user: session.user, csrfToken: session.csrfToken };
  });

  app.post(adminRoutes.logout.pattern, { config: { access: ANY_USER } }, async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) await logOut(deps.db, token);
    await audit(deps, request, 'session.logout', { type: 'user', id: userOf(request).id });
    reply.header('set-cookie', sessionCookie(null, deps.publicUrl));
    return { ok: true };
  });

  app.post(adminRoutes.password.pattern, { config: { access: ANY_USER } }, async (request, reply) => {
    const body = parseBody(PasswordSchema, request.body, reply);
    if (!body) return reply;
    const user = userOf(request);
    // The same limit as signing in (a stolen session cannot guess the current password faster than a stranger).
    const limit = await reserveSignIn(deps.db, user.username, request.ip, deps.now());
    if (!limit.ok) {
      reply.header('retry-after', String(limit.retryAfterS));
      return sendError(
        reply,
        429,
        'too_many_attempts',
        `Too many wrong passwords; try again in ${limit.retryAfterS} s.`,
      );
    }
    const found = await findUserForLogin(deps.db, user.username);
    const matches = found !== undefined && (await verifyPassword(body.current, found.passwordHash));
    await limit.settle(matches);
    if (!matches) {
      await audit(deps, request, 'user.password_failed', { type: 'user', id: user.id });
      return sendError(reply, 403, 'bad_credentials', 'The current password is wrong.');
    }
    const verdict = judgePassword(body.next, [user.username, user.displayName]);
    if (!verdict.ok) return sendWeakPassword(reply, verdict);
    await setPasswordHash(deps.db, user.id, await hashPassword(body.next));
    await deleteUserSessions(deps.db, user.id);
    await audit(deps, request, 'user.password', { type: 'user', id: user.id });
    reply.header('set-cookie', sessionCookie(null, deps.publicUrl));
    return { ok: true };
  });
}
