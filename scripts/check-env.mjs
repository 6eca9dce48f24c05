// The server reads its environment in one module (src/server/env.ts): `process.env` in any other server
// file fails. Run by `npm run check:layers`.
// Usage: node scripts/check-env.mjs [root]   (root defaults to the repository; tests point it at a copy)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = process.argv[2] ?? process.cwd();
const OWNER = 'src/server/env.ts';

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(tsx?|js)$/.test(entry.name)) yield full;
  }
}

const found = [];
const serverDir = join(root, 'src', 'server');
if (existsSync(serverDir)) {
  for (const file of walk(serverDir)) {
    const path = relative(root, file).split(sep).join('/');
    if (path === OWNER) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\bprocess\.env\b/.test(line)) found.push(`${path}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
  }
}
if (found.length > 0) {
  console.error(`process.env outside ${OWNER} (read settings through serverEnv()):\n${found.join('\n')}`);
  process.exit(1);
}
console.log(`server-env: the server reads its environment only in ${OWNER}`);
