/**
 * The console contract (src/shared/console-api/routes.ts) and the server agree: every /api/admin route
 * the server registers is in the shared table with its method, every entry of the table is registered,
 * and a path the console builds from the table reaches the route it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPath, adminRoutes, type AdminCheckpoint } from '../../src/shared/console-api';
import { startTestServer, type TestServer } from './helpers';
import { createAccount, signIn } from './console-helpers';

let s: TestServer;
const registered: string[] = [];

beforeAll(async () => {
  s = await startTestServer({
    onRoute: (route) => {
      for (const method of [route.method].flat())
        if (route.url.startsWith('/api/admin/') && method !== 'HEAD') registered.push(`${method} ${route.url}`);
    },
  });
  await createAccount(s.db, 'admin', 'admin');
});
afterAll(async () => {
  await s.close();
});

describe('console contract', () => {
  it('lists exactly the /api/admin routes the server registers', () => {
    const table = Object.values(adminRoutes).map((r) => `${r.method} ${r.pattern}`);
    expect([...new Set(table)].sort()).toEqual([...new Set(registered)].sort());
  });

  it('builds paths the server answers: the checkpoint page loads the checkpoint it names', async () => {
    const admin = await signIn(s.app, 'admin');
    const res = await admin.request('GET', adminPath(adminRoutes.checkpoint, { id: s.checkpoint.id }));
    expect(res.statusCode).toBe(200);
    expect(res.json<AdminCheckpoint>()).toMatchObject({ id: s.checkpoint.id, code: 'TS-DL-001' });
    const audit = await admin.request('GET', adminPath(adminRoutes.audit, {}, { limit: '1' }));
    expect(audit.json<unknown[]>()).toHaveLength(1);
  });
});
