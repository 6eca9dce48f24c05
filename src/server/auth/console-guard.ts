/**
 * The gate in front of every console API route: a live session, a role the route admits (declared as
 * `config.access`), and for state-changing methods the session's CSRF token in `X-CSRF-Token` plus a
 * same-origin `Origin`. It is attached to the ROUTE (an onRoute hook adds it to the `onRequest` of
 * every route registered under `/api/admin`), so whatever spelling of a URL the router matches to a
 * console route meets the same guard; the request's URL text is never consulted. A console route that
 * declares neither `access` nor `consolePublic` is refused to everyone (fail closed).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { Db } from '../db/database';
import { sendError } from '../http/errors';
import { SESSION_COOKIE, readCookie } from './cookies';
import { resolveSession } from './login';
import { recordRefusal } from './refusals';
import type { Access, ConsoleUser } from './roles';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Console roles admitted; required on every /api/admin route that is not `consolePublic`. */
    access?: Access;
    /** A console route open without a session (only the login route). */
    consolePublic?: boolean;
    /**
     * A route the console calls to learn whether it is signed in (GET /api/admin/session, on every login and door
     * screen): its 401 without a session is an answer, not a refusal, so it is not audited.
     */
    sessionProbe?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in console user, set by the console gate. */
    consoleUser: ConsoleUser | null;
  }
}

/** Every route whose registered pattern lies under this prefix is a console route. */
const CONSOLE_API_PREFIX = '/api/admin';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const GUARD = Symbol('console-guard');

/** True when a registered route pattern (not a request URL) belongs to the console API. */
function isConsoleRoutePattern(pattern: string): boolean {
  const p = pattern.toLowerCase();
  return p === CONSOLE_API_PREFIX || p.startsWith(`${CONSOLE_API_PREFIX}/`);
}

/** True when the request's Origin (if any) is this server: the public URL's origin or the Host it was sent to. */
function originAllowed(request: FastifyRequest, publicUrl: string): boolean {
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

/** The guard one console route runs before anything else (body parsing included). */
function consoleGuard(db: Db, publicUrl: string, now: () => number): onRequestHookHandler {
  const refuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: 401 | 403,
    code: string,
    message: string,
  ): Promise<void> => {
    const probe = request.routeOptions.config.sessionProbe === true && status === 401;
    if (!probe) await recordRefusal(db, request, status, code, now());
    await sendError(reply, status, code, message);
  };
  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const config = request.routeOptions.config;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !originAllowed(request, publicUrl)) {
      return refuse(request, reply, 403, 'bad_origin', 'This request came from another site and was refused.');
    }
    if (config.consolePublic === true) return;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const session = token ? await resolveSession(db, token, now()) : undefined;
    if (!session) return refuse(request, reply, 401, 'not_signed_in', 'Sign in to the console first.');
    if (unsafe && request.headers['x-csrf-token'] !== session.csrfToken) {
      request.consoleUser = session.user;
      return refuse(
        request,
        reply,
        403,
        'csrf_token',
        'The X-CSRF-Token header is missing or wrong; reload the console.',
      );
    }
    request.consoleUser = session.user;
    if (!Array.isArray(config.access) || !config.access.includes(session.user.role)) {
      return refuse(request, reply, 403, 'forbidden', 'Your account may not do this.');
    }
    // What a signed-in console reads is personal or official data: no browser or proxy cache keeps a copy.
    void reply.header('cache-control', 'no-store');
  };
  return Object.assign(guard, { [GUARD]: true });
}

/** Puts the guard first in a route's onRequest hooks (once: Fastify's HEAD twin reuses the GET options). */
function attachGuard(route: RouteOptions, guard: onRequestHookHandler): void {
  const existing = [route.onRequest ?? []].flat() as onRequestHookHandler[];
  if (existing.some((hook) => GUARD in hook)) return;
  route.onRequest = [guard, ...existing];
}

/**
 * Installs the console gate: every route registered after this call (on this instance or any child
 * plugin) whose pattern lies under /api/admin gets the guard. Call it before registering any route.
 */
export function installConsoleGate(app: FastifyInstance, db: Db, publicUrl: string, now: () => number): void {
  app.decorateRequest('consoleUser', null);
  const guard = consoleGuard(db, publicUrl, now);
  app.addHook('onRoute', (route) => {
    if (isConsoleRoutePattern(route.url)) attachGuard(route, guard);
  });
}
