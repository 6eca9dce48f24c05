// Bundles the district server (src/server/cli.ts) into dist-server/cli.js for `node`, and its worker threads
// beside it (dist-server/unseal-worker.js and push-writer-worker.js, which the server starts by those names);
// packages from node_modules left external (better-sqlite3 and pg load their native/optional parts).
// Built in a staging folder and renamed into place file by file, so a server starting meanwhile (tests, a
// benchmark) reads a whole old or a whole new file, never a half-written one.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

mkdirSync('.tmp', { recursive: true });
const staging = mkdtempSync(join('.tmp', 'dist-server-'));
await build({
  entryPoints: {
    cli: 'src/server/cli.ts',
    'unseal-worker': 'src/server/sealed/unseal-worker.ts',
    'push-writer-worker': 'src/server/services/push-writer-worker.ts',
  },
  outdir: staging,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
mkdirSync('dist-server', { recursive: true });
// The workers before the CLI that starts them.
for (const name of readdirSync(staging).sort((a, b) => Number(a.startsWith('cli.')) - Number(b.startsWith('cli.'))))
  renameSync(join(staging, name), join('dist-server', name));
rmSync(staging, { recursive: true, force: true });
