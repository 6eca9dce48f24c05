// The console reaches the server only through the shared route table (src/shared/console-api/routes.ts):
// a literal '/api/admin' in a console file fails. Run by `npm run check:layers`.
// Usage: node scripts/check-console-paths.mjs [root]   (root defaults to the repository; tests point it at a copy)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = process.argv[2] ?? process.cwd();

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(tsx?|js)$/.test(entry.name)) yield full;
  }
}

const found = [];
const consoleDir = join(root, 'src', 'console');
if (existsSync(consoleDir)) {
  for (const file of walk(consoleDir)) {
    const path = relative(root, file).split(sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.includes('/api/admin')) found.push(`${path}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
  }
}
if (found.length > 0) {
  console.error(
    `Literal '/api/admin' in the console (use adminRoutes from src/shared/console-api):\n${found.join('\n')}`,
  );
  process.exit(1);
}
console.log('console-paths: the console names /api/admin routes only through src/shared/console-api');
