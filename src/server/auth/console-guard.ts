/**
 * The gate in front of every console API route (`/api/admin/*`): a live session, a role the route
 * admits (declared as `config.access`), and for state-changing methods the session's CSRF token in
 * `X-CSRF-Token` plus a same-origin `Origin`. A console route that declares no access is refused
 * to everyone (fail closed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { sendError } from '../http/errors';
import { pathOnly } from '../http/logging';
import { SESSION_COOKIE, readCookie } from './cookies';
import { resolveSession } from './login';
import type { Access, ConsoleUser } from './roles';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Console roles admitted; required on every /api/admin route that is not `consolePublic`. */
    access?: Access;
    /** A console route open without a session (only the login route). */
    consolePublic?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in console user, set by the console gate. */
    consoleUser: ConsoleUser | null;
  }
}

export const CONSOLE_API_PREFIX = '/api/admin/';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request's Origin (if any) is this server: the public URL's origin or the Host it was sent to. */
export function originAllowed(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser cross-site form/fetch; the CSRF token still applies
  const allowed = new Set<string>();
  try {
    allowed.add(new URL(publicUrl).origin);
  } catch {
    // unparsable public URL: only the Host check remains
  }
  const host = request.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

/** Registers the console gate on the app (an onRequest hook that only looks at /api/admin/ paths). */
export function installConsoleGate(app: FastifyInstance, db: Db, publicUrl: string, now: () => number): void {
  app.decorateRequest('consoleUser', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!pathOnly(request.url).startsWith(CONSOLE_API_PREFIX)) return;
    const config = request.routeOptions.config;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !originAllowed(request, publicUrl)) {
      await sendError(reply, 403, 'bad_origin', 'This request came from another site and was refused.');
      return;
    }
    if (config.consolePublic) return;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const session = token ? await resolveSession(db, token, now()) : undefined;
    if (!session) {
      await sendError(reply, 401, 'not_signed_in', 'Sign in to the console first.');
      return;
    }
    if (unsafe && request.headers['x-csrf-token'] !== session.csrfToken) {
      await sendError(reply, 403, 'csrf_token', 'The X-CSRF-Token header is missing or wrong; reload the console.');
      return;
    }
    if (!config.access || !config.access.includes(session.user.role)) {
      await sendError(reply, 403, 'forbidden', 'Your account may not do this.');
      return;
    }
    request.consoleUser = session.user;
  });
}
