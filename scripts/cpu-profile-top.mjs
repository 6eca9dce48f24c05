// Prints where a CPU profile's time went (node --cpu-prof): the functions with the most self time, and the
// same time summed per package or source folder.
//   node scripts/cpu-profile-top.mjs FILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: node scripts/cpu-profile-top.mjs FILE.cpuprofile [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
// timeDeltas[i] is the time before sample i; it is charged to the node of that sample.
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** Where a frame's code lives: a package, a source folder, or what V8 names it. */
function placeOf(url) {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const src = /\/(src\/[^/]+\/[^/]+)/.exec(url) ?? /\/(dist-server)\//.exec(url);
  return src ? src[1] : url;
}

const perFunction = new Map();
const perPlace = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const name = callFrame.functionName || '(anonymous)';
  const key = `${name} ${callFrame.url ? `${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}` : ''}`;
  perFunction.set(key, (perFunction.get(key) ?? 0) + us);
  const place = callFrame.url ? placeOf(callFrame.url) : name;
  perPlace.set(place, (perPlace.get(place) ?? 0) + us);
  total += us;
}
const ms = (us) => (us / 1000).toFixed(0).padStart(7) + ' ms';
const top = Number(values.top);
console.log(`total ${ms(total)} sampled`);
console.log('\nself time by function');
for (const [key, us] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(ms(us), key);
console.log('\nself time by package or folder');
for (const [key, us] of [...perPlace].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(ms(us), key);
