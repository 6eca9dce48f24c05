/**
 * npm run bench:bundle — gzip size of the JavaScript the first screen loads (entry script plus its
 * modulepreloads, as listed by the built dist/index.html). Budget: 60 KB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 60;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1] as string);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] as string);

let jsTotal = 0;
for (const src of new Set(scripts)) {
  const bytes = gzipSync(readFileSync(join(dist, src)), { level: 9 }).length;
  jsTotal += bytes;
  console.log(`js  ${src}  ${(bytes / 1024).toFixed(1)} KB gzip`);
}
for (const href of styles) {
  console.log(
    `css ${href}  ${(gzipSync(readFileSync(join(dist, href)), { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
  );
}
const kb = jsTotal / 1024;
console.log(
  `first-screen JS ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB, ${kb <= BUDGET_KB ? 'within' : 'OVER'})`,
);
