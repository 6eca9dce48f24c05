// Bundles the district server (src/server/cli.ts) into dist-server/cli.js for `node`, and the unseal
// worker thread beside it (dist-server/unseal-worker.js, which the server starts by that name);
// packages from node_modules left external (better-sqlite3 and pg load their native/optional parts).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: { cli: 'src/server/cli.ts', 'unseal-worker': 'src/server/sealed/unseal-worker.ts' },
  outdir: 'dist-server',
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
