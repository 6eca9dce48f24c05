/**
 * The layer rules are enforced by tools, not prose (issue 13): a forbidden import or SQL outside the data
 * layer, written into a temporary copy of the layout, makes `npm run check:layers` fail; DOM use in
 * src/shared fails the shared TypeScript project. A clean copy passes, so each check can fail and pass.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let dir: string;

/** Writes a file into the temporary copy. */
function put(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Runs a command in the copy; exit code and everything it printed. */
async function attempt(file: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const r = await run(process.execPath, [file, ...args], { cwd: dir });
    return { code: 0, output: r.stdout + r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const checkImports = () => attempt(DEPCRUISE, ['--config', '.dependency-cruiser.cjs', 'src']);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tram-qr-layers-'));
  for (const f of [
    '.dependency-cruiser.cjs',
    'tsconfig.base.json',
    'tsconfig.tools.json',
    'src/shared/tsconfig.json',
    'src/shared/platform.d.ts',
    'scripts/check-sql.mjs',
    'scripts/check-env.mjs',
  ]) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(dir, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // A clean miniature of the layout: shared protocol, a client module, a repository, a route through it.
  put('src/shared/protocol.ts', "export const API = { push: '/api/sync/push' } as const;\n");
  put('src/client/sync/flush.ts', "import { API } from '../../shared/protocol';\nexport const url = API.push;\n");
  put('src/server/db/schema.ts', 'export interface CheckinRow { id: string }\n');
  put(
    'src/server/db/checkins-repo.ts',
    "import type { Kysely } from 'kysely';\nimport type { CheckinRow } from './schema';\nexport const ids = (db: Kysely<{ checkins: CheckinRow }>) => db.selectFrom('checkins').select('id').execute();\n",
  );
  put(
    'src/server/routes/push.ts',
    "import { API } from '../../shared/protocol';\nimport { ids } from '../db/checkins-repo';\nexport const route = [API.push, ids] as const;\n",
  );
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('layer rules', () => {
  it('pass on a clean layout', { timeout: 120_000 }, async () => {
    expect(await checkImports()).toMatchObject({ code: 0 });
    expect((await attempt(join(dir, 'scripts/check-sql.mjs'), [dir])).code).toBe(0);
  });

  it(
    'fail when the server imports browser code, shared imports Node, or a route reads rows',
    { timeout: 120_000 },
    async () => {
      put(
        'src/server/forward/forwarder.ts',
        "import { url } from '../../client/sync/flush';\nexport const to = url;\n",
      );
      put('src/shared/sync/push.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
      put(
        'src/server/routes/trace.ts',
        "import type { CheckinRow } from '../db/schema';\nexport type Row = CheckinRow;\n",
      );
      put('src/client/app/server.ts', "import { route } from '../../server/routes/push';\nexport const r = route;\n");
      const result = await checkImports();
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(
        'server-not-to-browser: src/server/forward/forwarder.ts → src/client/sync/flush.ts',
      );
      expect(result.output).toContain('shared-no-node-builtins: src/shared/sync/push.ts → fs');
      expect(result.output).toContain('rows-stay-in-data-layer: src/server/routes/trace.ts → src/server/db/schema.ts');
      expect(result.output).toContain('browser-not-to-server: src/client/app/server.ts → src/server/routes/push.ts');
    },
  );

  it('fail on each of the other layer rules, one forbidden import apiece', { timeout: 120_000 }, async () => {
    put('src/server/tracing/tracing-service.ts', 'export const trace = 1;\n');
    put(
      'src/server/tracing/tracing-routes.ts',
      "import { trace } from './tracing-service';\nexport const r = trace;\n",
    );
    put('src/server/db/migrations.ts', 'export const steps = [];\n');
    put('src/browser/i18n.ts', 'export const fill = (text: string) => text;\n');
    put('src/server/http/errors.ts', 'export const sendError = () => undefined;\n');
    expect(await checkImports()).toMatchObject({ code: 0 });
    const broken: Record<string, [string, string]> = {
      'client-console-apart': [
        'src/console/sync-state.ts',
        "import { url } from '../client/sync/flush';\nexport const u = url;\n",
      ],
      'shared-only-shared': [
        'src/shared/scan/flush-url.ts',
        "import { url } from '../../client/sync/flush';\nexport const u = url;\n",
      ],
      'shared-no-browser-packages': ['src/shared/ui/h.ts', "import { h } from 'preact';\nexport const make = h;\n"],
      'routes-through-repos': [
        'src/server/routes/migrate.ts',
        "import { steps } from '../db/migrations';\nexport const s = steps;\n",
      ],
      'db-below-features': [
        'src/server/db/trace-cache.ts',
        "import { trace } from '../tracing/tracing-service';\nexport const t = trace;\n",
      ],
      'domain-pure': [
        'src/server/domain/clock.ts',
        "import { ids } from '../db/checkins-repo';\nexport const i = ids;\n",
      ],
      'features-not-to-routes-of-others': [
        'src/server/dashboard/dashboard-service.ts',
        "import { r } from '../tracing/tracing-routes';\nexport const d = r;\n",
      ],
      'browser-kit-below-apps': [
        'src/browser/flush-url.ts',
        "import { url } from '../client/sync/flush';\nexport const u = url;\n",
      ],
      'worker-without-browser-kit': [
        'sw/sw.ts',
        "import { fill } from '../src/browser/i18n';\nexport const f = fill;\n",
      ],
      'i18n-leaf': [
        'src/server/i18n/dict-steps.ts',
        "import { steps } from '../db/migrations';\nexport const s = steps;\n",
      ],
      'http-auth-below-routes': [
        'src/server/auth/trace-gate.ts',
        "import { trace } from '../tracing/tracing-service';\nexport const t = trace;\n",
      ],
      'services-below-routes': [
        'src/server/services/ingest-reply.ts',
        "import { sendError } from '../http/errors';\nexport const e = sendError;\n",
      ],
      'sealed-and-seed-below-services': [
        'src/server/seed/traced-demo.ts',
        "import { trace } from '../tracing/tracing-service';\nexport const t = trace;\n",
      ],
      'not-to-unresolvable': [
        'src/client/app/missing.ts',
        "import { gone } from './no-such-module';\nexport const g = gone;\n",
      ],
    };
    for (const [file, text] of Object.values(broken)) put(file, text);
    const result = await attempt(DEPCRUISE, ['--config', '.dependency-cruiser.cjs', 'src', 'sw']);
    expect(result.code).not.toBe(0);
    for (const [rule, [file]] of Object.entries(broken))
      expect(result.output).toMatch(new RegExp(`${rule}: ${file} → `));
  });

  it('fail when a screen opens IndexedDB itself instead of through src/client/data', { timeout: 120_000 }, async () => {
    put('src/client/data/db.ts', "import Dexie from 'dexie';\nexport const db = new Dexie('tram-qr');\n");
    expect(await checkImports()).toMatchObject({ code: 0 });
    put('src/client/guard/today.ts', "import Dexie from 'dexie';\nexport const db = new Dexie('tram-qr');\n");
    const result = await checkImports();
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      /indexeddb-only-in-client-data: src\/client\/guard\/today\.ts → \S*node_modules\/dexie\//,
    );
  });

  it(
    'fail when a server file reads the environment itself instead of through src/server/env.ts',
    { timeout: 120_000 },
    async () => {
      put('src/server/env.ts', 'export const serverEnv = () => ({ databaseUrl: process.env.DATABASE_URL });\n');
      expect((await attempt(join(dir, 'scripts/check-env.mjs'), [dir])).code).toBe(0);
      put('src/server/services/retention.ts', 'export const days = Number(process.env.RETENTION_DAYS ?? 28);\n');
      const result = await attempt(join(dir, 'scripts/check-env.mjs'), [dir]);
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        'src/server/services/retention.ts:1: export const days = Number(process.env.RETENTION_DAYS ?? 28);',
      );
    },
  );

  it('fail on Kysely imported or SQL written outside the data layer', { timeout: 120_000 }, async () => {
    put(
      'src/server/services/retention.ts',
      "import type { Kysely } from 'kysely';\nexport const purge = (db: Kysely<any>) => db.deleteFrom('checkins').execute();\n",
    );
    const imports = await checkImports();
    expect(imports.code).not.toBe(0);
    expect(imports.output).toMatch(
      /sql-only-in-data-layer: src\/server\/services\/retention\.ts → \S*node_modules\/kysely\//,
    );
    const sql = await attempt(join(dir, 'scripts/check-sql.mjs'), [dir]);
    expect(sql.code).toBe(1);
    expect(sql.output).toContain(
      "src/server/services/retention.ts:2: export const purge = (db: Kysely<any>) => db.deleteFrom('checkins').execute();",
    );
  });

  it(
    'fail to compile DOM or Node use in src/shared, and compile the clean shared project',
    { timeout: 120_000 },
    async () => {
      expect((await attempt(TSC, ['-b', 'src/shared'])).code).toBe(0);
      put(
        'src/shared/scan/beep.ts',
        'export const beep = () => document.title;\nexport const env = () => process.env.HOME;\n',
      );
      const result = await attempt(TSC, ['-b', 'src/shared']);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("src/shared/scan/beep.ts(1,27): error TS2584: Cannot find name 'document'.");
      expect(result.output).toContain("src/shared/scan/beep.ts(2,26): error TS2591: Cannot find name 'process'.");
    },
  );
});
