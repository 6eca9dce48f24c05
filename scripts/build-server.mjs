// Bundles the district server (src/server/cli.ts) into dist-server/cli.js for `node`: one ESM file,
// packages from node_modules left external (better-sqlite3 and pg load their native/optional parts).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/server/cli.ts'],
  outfile: 'dist-server/cli.js',
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
