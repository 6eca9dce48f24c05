// SQL only in the data layer: no query builder call or sql`` template in src/ outside src/server/db/ and
// *-repo.ts files. Run by `npm run check:layers` (after dependency-cruiser, which checks the imports).
// Usage: node scripts/check-sql.mjs [root]   (root defaults to the repository; tests point it at a copy)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = process.argv[2] ?? process.cwd();
const SQL =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\(|\bsql`|\.schema\.(create|alter|drop)/;
const allowed = (path) => path.startsWith('src/server/db/') || /-repo\.ts$/.test(path);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

const found = [];
for (const file of walk(join(root, 'src'))) {
  const path = relative(root, file).split(sep).join('/');
  if (allowed(path)) continue;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (SQL.test(line)) found.push(`${path}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
}
if (found.length > 0) {
  console.error(`SQL outside the data layer (src/server/db/, *-repo.ts):\n${found.join('\n')}`);
  process.exit(1);
}
console.log('sql-only-in-data-layer: no SQL outside src/server/db/ and *-repo.ts');
