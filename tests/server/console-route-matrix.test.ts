/**
 * Every HTTP route of the server, and who may call it. The rule table below is the single place to
 * add a route: a registered route without a rule fails this test, and so does a rule whose route is gone.
 * Principals: anonymous, a guard device (bearer token), a door-screen tablet (door token), and console users signed in as a commune
 * officer, a health tracer and a district administrator. "Allowed" means the gate let the request
 * through (any status but 401/403); refused means exactly 401 (no credentials) or 403 (wrong role).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/auth/roles';
import { listUnits } from '../../src/server/db/units-repo';
import { startTestServer, type TestServer } from './helpers';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';

type Rule = 'public' | 'device' | 'door' | 'upstream' | readonly Role[];
const PUBLIC: Rule = 'public';
const DEVICE: Rule = 'device';
const DOOR: Rule = 'door';
/** Forwarding: only a district server's 'upstream' token (a guard device's token gets 403). */
const UPSTREAM: Rule = 'upstream';
const ADMIN: Rule = ['admin'];
const STAFF: Rule = ['admin', 'officer'];
const ANY_USER: Rule = ['admin', 'officer', 'tracer'];
const TRACING: Rule = ['admin', 'tracer'];

const RULES: Record<string, Rule> = {
  // The PWA and console files (static + SPA fallback), and what the PWA caches for offline use.
  'GET /*': PUBLIC,
  'HEAD /*': PUBLIC,
  'GET /api/health': PUBLIC,
  'GET /api/questionnaire': PUBLIC,
  'GET /api/poster-key': PUBLIC,
  // Enrolment: anonymous, but only a valid one-time code yields a token.
  'POST /api/enrol': PUBLIC,
  // Visitor phones get an anonymous token for self check-ins (visitor issue).
  'POST /api/visitor/register': PUBLIC,
  // Device sync.
  'POST /api/sync/push': DEVICE,
  'GET /api/device/config': DEVICE,
  'POST /api/upstream/checkpoints': UPSTREAM,
  // Console.
  'POST /api/admin/login': PUBLIC,
  'GET /api/admin/session': ANY_USER,
  'POST /api/admin/password': ANY_USER,
  'GET /api/admin/checkpoints': STAFF,
  'POST /api/admin/checkpoints': STAFF,
  'GET /api/admin/checkpoints/:id': STAFF,
  'PUT /api/admin/checkpoints/:id': STAFF,
  'POST /api/admin/checkpoints/:id/close': STAFF,
  'POST /api/admin/checkpoints/:id/reopen': STAFF,
  'POST /api/admin/checkpoints/:id/enrolment-links': STAFF,
  'GET /api/admin/checkpoints/:id/poster': STAFF,
  'POST /api/admin/checkpoints/:id/door-links': STAFF,
  // The door-screen tablet: only its own door token.
  'GET /api/door/code': DOOR,
  'GET /api/admin/units/:id/posters': STAFF,
  'GET /api/admin/devices': STAFF,
  'POST /api/admin/devices/:id/revoke': STAFF,
  'GET /api/admin/units': STAFF,
  'POST /api/admin/units/import': ADMIN,
  'GET /api/admin/dashboard': STAFF,
  'GET /api/admin/dashboard/export/:table': STAFF,
  'GET /api/admin/questionnaire': ADMIN,
  'PUT /api/admin/questionnaire': ADMIN,
  'GET /api/admin/settings': ADMIN,
  'PUT /api/admin/settings': ADMIN,
  'GET /api/admin/audit': ADMIN,
  'GET /api/admin/users': ADMIN,
  'POST /api/admin/users': ADMIN,
  'POST /api/admin/users/:id/disable': ADMIN,
  // Tracing (tracing issue): tracers and administrators; risk notices are public.
  'GET /api/notices': PUBLIC,
  'GET /api/admin/trace/persons': TRACING,
  'POST /api/admin/trace/merge': TRACING,
  'POST /api/admin/trace/unmerge': TRACING,
  'POST /api/admin/trace/run': TRACING,
  'POST /api/admin/trace/f2': TRACING,
  'POST /api/admin/trace/export': TRACING,
  'GET /api/admin/trace/notices': TRACING,
  'POST /api/admin/trace/notices': TRACING,
  // Ends the session it is called with (run last).
  'POST /api/admin/logout': ANY_USER,
};

const SKIP_METHODS = new Set(['OPTIONS']);
let s: TestServer;
let dist: string;
const routes: string[] = [];
let clients: Record<Role, ConsoleClient>;
let deviceToken: string;
let doorToken: string;
let params: Record<string, string>;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tram-qr-matrix-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>PWA</title>');
  writeFileSync(join(dist, 'console.html'), '<!doctype html><title>Console</title>');
  s = await startTestServer({
    staticDir: dist,
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (!SKIP_METHODS.has(method)) routes.push(`${method} ${route.url}`);
    },
  });
  await createAccount(s.db, 'admin', 'admin');
  await createAccount(s.db, 'canbo.danluc', 'officer', 'TS-DL');
  await createAccount(s.db, 'truyvet', 'tracer');
  const victim = await createAccount(s.db, 'victim', 'tracer');
  clients = { admin: await signIn(s.app, 'admin'), officer: await signIn(s.app, 'canbo.danluc'), tracer: await signIn(s.app, 'truyvet') };
  deviceToken = (await s.enrol()).token;
  const door = await clients.admin.request('POST', `/api/admin/checkpoints/${s.checkpoint.id}/door-links`);
  doorToken = door.json<{ link: string }>().link.split('#')[1]!;
  const revokeTarget = (await s.enrol()).deviceId;
  const unit = (await listUnits(s.db)).find((u) => u.code === 'TS-DL')!;
  params = { '/api/admin/devices/:id': `/api/admin/devices/${revokeTarget}`, '/api/admin/users/:id': `/api/admin/users/${victim}`, '/api/admin/units/:id': `/api/admin/units/${unit.id}`, ':id': s.checkpoint.id, ':table': 'silent' };
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A concrete URL for a route pattern. */
function concrete(pattern: string): string {
  let url = pattern.replace(/\/\*$/, '/');
  for (const [prefix, value] of Object.entries(params)) if (prefix.startsWith('/') && url.startsWith(`${prefix}`)) url = url.replace(prefix, value);
  return url.replace(':id', params[':id']!).replace(':table', params[':table']!);
}

type Principal = 'anonymous' | 'device' | 'door' | Role;
const PRINCIPALS: Principal[] = ['anonymous', 'device', 'door', 'tracer', 'officer', 'admin'];

async function call(principal: Principal, method: string, url: string): Promise<number> {
  const unsafe = method !== 'GET' && method !== 'HEAD';
  if (principal === 'anonymous' || principal === 'device' || principal === 'door') {
    const token = principal === 'device' ? deviceToken : principal === 'door' ? doorToken : null;
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    const res = await s.app.inject({ method: method as 'GET', url, headers, ...(unsafe ? { payload: {} } : {}) });
    return res.statusCode;
  }
  return (await clients[principal].request(method as 'GET', url)).statusCode;
}

function expected(rule: Rule, principal: Principal): 'allowed' | 401 | 403 {
  if (rule === 'public') return 'allowed';
  if (rule === 'device' || rule === 'door') return principal === rule ? 'allowed' : 401;
  if (rule === 'upstream') return principal === 'device' ? 403 : 401;
  if (principal === 'anonymous' || principal === 'device' || principal === 'door') return 401;
  return rule.includes(principal) ? 'allowed' : 403;
}

/** The rule of a route; Fastify's automatic HEAD twin of a GET route shares the GET rule. */
function ruleFor(route: string): Rule | undefined {
  return RULES[route] ?? (route.startsWith('HEAD ') ? RULES[route.replace(/^HEAD /, 'GET ')] : undefined);
}

describe('route-role matrix', () => {
  it('has a rule for every registered route, and a route for every rule', () => {
    const registered = [...new Set(routes)].sort();
    expect(registered.filter((r) => ruleFor(r) === undefined)).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !registered.includes(r))).toEqual([]);
  });

  it('lets exactly the allowed principals through every route', async () => {
    const mismatches: string[] = [];
    // Routes that invalidate a principal's credential run last: a new door link revokes the door token, logout ends the session.
    const order = (r: string) => (r.endsWith('/logout') ? 2 : r.endsWith('/door-links') ? 1 : 0);
    const registered = [...new Set(routes)].sort((a, b) => order(a) - order(b));
    expect(registered.length).toBeGreaterThan(Object.keys(RULES).length);
    for (const route of registered) {
      const rule = ruleFor(route)!;
      const [method, pattern] = route.split(' ') as [string, string];
      for (const principal of PRINCIPALS) {
        const status = await call(principal, method, concrete(pattern));
        const want = expected(rule, principal);
        const got = status === 401 || status === 403 ? status : 'allowed';
        if (got !== want) mismatches.push(`${route} as ${principal}: expected ${want}, got ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
