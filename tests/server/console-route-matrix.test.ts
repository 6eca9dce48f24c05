/**
 * Every HTTP route of the server, and who may call it. The rule table below is the single place to
 * add a route: a registered route without a rule fails this test, and so does a rule whose route is gone.
 * Principals: anonymous, a guard device (bearer token), a door-screen tablet (door token), and console users signed in
 * as a commune
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

type Rule = 'public' | 'device' | 'door' | 'forwarder' | readonly Role[];
const PUBLIC: Rule = 'public';
const DEVICE: Rule = 'device';
const DOOR: Rule = 'door';
/** Forwarding: only a server below's 'forwarder' token (a guard device's token gets 403). */
const FORWARDER: Rule = 'forwarder';
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
  // Risk at the door: what a person with a risk signal is told (visitor phones cache it).
  'GET /api/risk-policy': PUBLIC,
  // Enrolment: anonymous, but only a valid one-time code yields a token.
  'POST /api/enrol': PUBLIC,
  // Visitor phones get an anonymous token for self check-ins (visitor issue).
  'POST /api/visitor/register': PUBLIC,
  // Device sync.
  'POST /api/sync/push': DEVICE,
  'GET /api/device/config': DEVICE,
  'POST /api/device/key': DEVICE,
  'POST /api/forwarding/catalog': FORWARDER,
  'POST /api/upstream/checkpoints': FORWARDER,
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
  'POST /api/admin/devices/import-queue': STAFF,
  'GET /api/admin/units': STAFF,
  'POST /api/admin/units/import': ADMIN,
  'GET /api/admin/dashboard': STAFF,
  'GET /api/admin/dashboard/risk': STAFF,
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
  'POST /api/admin/trace/notices': TRACING,
  // Outbreak (issue 15): cases, investigations, chain and settings for tracers and admins; the health
  // station (commune officers, scoped to their commune inside the routes) also gets the call list, entries,
  // conversion and the report; only administrators change the outbreak rules.
  'GET /api/admin/outbreak/settings': TRACING,
  'PUT /api/admin/outbreak/settings': ADMIN,
  'GET /api/admin/outbreak/cases': TRACING,
  'POST /api/admin/outbreak/cases': TRACING,
  'GET /api/admin/outbreak/cases/:id': TRACING,
  'GET /api/admin/outbreak/cases/:id/changes': TRACING,
  'POST /api/admin/outbreak/cases/:id/take-in': TRACING,
  'PUT /api/admin/outbreak/cases/:id/window': TRACING,
  'POST /api/admin/outbreak/cases/:id/contacts': TRACING,
  'POST /api/admin/outbreak/contacts/:id/decision': TRACING,
  'GET /api/admin/outbreak/followups': ANY_USER,
  'GET /api/admin/outbreak/followups/:id': ANY_USER,
  'POST /api/admin/outbreak/followups/:id/entries': ANY_USER,
  'POST /api/admin/outbreak/followups/:id/reassign': TRACING,
  'POST /api/admin/outbreak/followups/:id/convert': ANY_USER,
  'GET /api/admin/outbreak/chain': TRACING,
  'GET /api/admin/outbreak/report': ANY_USER,
  'GET /api/admin/outbreak/report.xlsx': ANY_USER,
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
  clients = {
    admin: await signIn(s.app, 'admin'),
    officer: await signIn(s.app, 'canbo.danluc'),
    tracer: await signIn(s.app, 'truyvet'),
  };
  deviceToken = (await s.enrol()).token;
  const door = await clients.admin.request('POST', `/api/admin/checkpoints/${s.checkpoint.id}/door-links`);
  doorToken = door.json<{ link: string }>().link.split('#')[1]!;
  const revokeTarget = (await s.enrol()).deviceId;
  const unit = (await listUnits(s.db)).find((u) => u.code === 'TS-DL')!;
  params = {
    '/api/admin/devices/:id': `/api/admin/devices/${revokeTarget}`,
    '/api/admin/users/:id': `/api/admin/users/${victim}`,
    '/api/admin/units/:id': `/api/admin/units/${unit.id}`,
    ':id': s.checkpoint.id,
    ':table': 'silent',
  };
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A concrete URL for a route pattern. */
function concrete(pattern: string): string {
  let url = pattern.replace(/\/\*$/, '/');
  for (const [prefix, value] of Object.entries(params))
    if (prefix.startsWith('/') && url.startsWith(`${prefix}`)) url = url.replace(prefix, value);
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
  if (rule === 'forwarder') return principal === 'device' ? 403 : 401;
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
    // Routes that invalidate a principal's credential run last: a new door link revokes the door token, logout ends the
    // session.
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
  }, 60_000);
});

/** Many spellings of one path that a router, a proxy or a decoder might treat as the same place. */
function spellings(path: string): { url: string; decodedByRouter: boolean }[] {
  const out: { url: string; decodedByRouter: boolean }[] = [];
  const segments = path.split('/').slice(1);
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  segments.forEach((segment, i) => {
    const letter = segment.search(/[a-z]/i);
    if (letter === -1) return;
    for (const enc of [hex(segment[letter]!), hex(segment[letter]!).toUpperCase()]) {
      const parts = [...segments];
      parts[i] = segment.slice(0, letter) + enc + segment.slice(letter + 1);
      out.push({ url: join(parts), decodedByRouter: true });
    }
    const all = [...segments];
    all[i] = [...segment].map(hex).join('');
    out.push({ url: join(all), decodedByRouter: !segment.includes('/') });
    const upper = [...segments];
    upper[i] = segment.toUpperCase();
    if (upper[i] !== segment) out.push({ url: join(upper), decodedByRouter: false });
    // double encoding: %2561 is "%61" after one decode
    const twice = [...segments];
    twice[i] = segment.slice(0, letter) + hex(segment[letter]!).replace('%', '%25') + segment.slice(letter + 1);
    out.push({ url: join(twice), decodedByRouter: false });
  });
  for (let i = 1; i < segments.length; i++) {
    const head = segments.slice(0, i);
    const tail = segments.slice(i);
    out.push({ url: `${join(head)}%2F${tail.join('/')}`, decodedByRouter: false });
    out.push({ url: `${join(head)}%2f${tail.join('/')}`, decodedByRouter: false });
    out.push({ url: `${join(head)}//${tail.join('/')}`, decodedByRouter: false });
    out.push({ url: `${join(head)}/./${tail.join('/')}`, decodedByRouter: false });
    out.push({ url: `${join(head)}/x/../${tail.join('/')}`, decodedByRouter: false });
    out.push({ url: `${join(head)}\\${tail.join('/')}`, decodedByRouter: false });
    out.push({ url: `${join(head)}/%2e/${tail.join('/')}`, decodedByRouter: false });
  }
  out.push({ url: `/${path}`, decodedByRouter: false });
  out.push({ url: `${path}/`, decodedByRouter: false });
  out.push({ url: `${path}//`, decodedByRouter: false });
  out.push({ url: `${path}/.`, decodedByRouter: false });
  out.push({ url: `${path}?x=/api/health`, decodedByRouter: true });
  out.push({ url: `${path}%3Fx`, decodedByRouter: false });
  out.push({ url: path.toUpperCase(), decodedByRouter: false });
  return out;
}

describe('console routes under other spellings of their path', () => {
  it('never answer an anonymous caller with 2xx or 5xx; spellings the router decodes meet the gate (401)', async () => {
    const consoleRoutes = [...new Set(routes)]
      .filter((r) => r.split(' ')[1]!.startsWith('/api/admin'))
      .filter((r) => !r.endsWith('/logout'));
    expect(consoleRoutes.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    let calls = 0;
    for (const route of consoleRoutes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const publicRoute = ruleFor(route) === PUBLIC;
      for (const { url, decodedByRouter } of spellings(concrete(pattern))) {
        const unsafe = method !== 'GET' && method !== 'HEAD';
        const res = await s.app.inject({ method: method as 'GET', url, ...(unsafe ? { payload: {} } : {}) });
        calls++;
        const status = res.statusCode;
        if (status < 300 || status >= 500) leaks.push(`${method} ${url}: ${status}`);
        else if (decodedByRouter && !publicRoute && status !== 401)
          leaks.push(`${method} ${url}: ${status}, expected the gate's 401`);
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('refuses a console route that declares no roles, even to an administrator (fail closed)', async () => {
    // A route added after buildApp, with no `access`: the gate still attaches itself (by its pattern) and refuses.
    const extra = await startTestServer();
    try {
      extra.app.get('/api/admin/undeclared', async () => ({ secret: true }));
      await createAccount(extra.db, 'admin', 'admin');
      const admin = await signIn(extra.app, 'admin');
      expect((await admin.request('GET', '/api/admin/undeclared')).statusCode).toBe(403);
      expect((await extra.app.inject({ method: 'GET', url: '/api/%61dmin/undeclared' })).statusCode).toBe(401);
    } finally {
      await extra.close();
    }
  });
});
