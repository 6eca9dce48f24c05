/**
 * The console and the server name /api/admin routes only through the shared route table (issue 13): a
 * literal '/api/admin' in a console file, or a route registered on a quoted '/api/admin…' path in a server
 * file, makes `npm run check:layers` fail; code that uses the table passes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/check-console-paths.mjs', import.meta.url));
let dir: string;

/** Writes a file into the temporary layout. */
function put(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Runs the check on the temporary layout: exit code and output. */
async function check(): Promise<{ code: number; output: string }> {
  try {
    const r = await run(process.execPath, [SCRIPT, dir]);
    return { code: 0, output: r.stdout + r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tram-qr-console-paths-'));
  put(
    'src/shared/console-api/routes.ts',
    "export const adminRoutes = { users: { method: 'GET', pattern: '/api/admin/users' } };\n",
  );
  put(
    'src/server/auth/console-guard.ts',
    "/** Every route under `/api/admin` meets the gate. */\nexport const CONSOLE_API_PREFIX = '/api/admin';\n",
  );
  put(
    'src/server/routes/admin/user-routes.ts',
    "import { adminRoutes } from '../../../shared/console-api/routes';\nexport const r = adminRoutes.users.pattern;\n",
  );
  put(
    'src/console/config/UsersPage.tsx',
    "import { adminRoutes } from '../../shared/console-api/routes';\nexport const r = adminRoutes.users;\n",
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('console paths check', () => {
  it('passes when the console uses the shared route table', async () => {
    expect(await check()).toMatchObject({ code: 0 });
  });

  it('fails on a literal /api/admin path in a console page, naming file and line', async () => {
    put(
      'src/console/audit/AuditPage.tsx',
      'export const a = 1;\nexport const load = () => fetch(`/api/admin/audit?limit=200`);\n',
    );
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'src/console/audit/AuditPage.tsx:2: export const load = () => fetch(`/api/admin/audit?limit=200`);',
    );
  });

  it('fails on a server route registered on a literal /api/admin path', async () => {
    put(
      'src/server/routes/admin/audit-routes.ts',
      "export const register = (app: { get: Function }) =>\n  app.get('/api/admin/audit', () => []);\n",
    );
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      "src/server/routes/admin/audit-routes.ts:2: app.get('/api/admin/audit', () => []);",
    );
    expect(result.output).not.toContain('console-guard.ts');
  });
});
