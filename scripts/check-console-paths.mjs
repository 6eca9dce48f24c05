// The console and the server name console routes only through the shared route table
// (src/shared/console-api/routes.ts): a literal '/api/admin' in a console file, or a quoted '/api/admin…'
// path in a server file (where the gate's prefix constant is the one exception), fails.
// Run by `npm run check:layers`.
// Usage: node scripts/check-console-paths.mjs [root]   (root defaults to the repository; tests point it at a copy)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = process.argv[2] ?? process.cwd();
/** The console gate's prefix: the only quoted '/api/admin' the server may hold. */
const PREFIX_HOME = 'src/server/auth/console-guard.ts';

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(tsx?|js)$/.test(entry.name)) yield full;
  }
}

/** Lines of the files under `dir` for which `bad(line, path)` holds, as `path:line: text`. */
function scan(dir, bad) {
  const found = [];
  if (!existsSync(dir)) return found;
  for (const file of walk(dir)) {
    const path = relative(root, file).split(sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (bad(line, path)) found.push(`${path}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
  }
  return found;
}

const inConsole = scan(join(root, 'src', 'console'), (line) => line.includes('/api/admin'));
const inServer = scan(
  join(root, 'src', 'server'),
  (line, path) =>
    /['"`]\/api\/admin/.test(line) &&
    !/^\s*(\*|\/\*|\/\/)/.test(line) &&
    !(path === PREFIX_HOME && line.includes('CONSOLE_API_PREFIX')),
);
if (inConsole.length + inServer.length > 0) {
  console.error(
    `Literal '/api/admin' path (use adminRoutes from src/shared/console-api):\n${[...inConsole, ...inServer].join('\n')}`,
  );
  process.exit(1);
}
console.log('console-paths: the console and the server name /api/admin routes only through src/shared/console-api');
