/**
 * Flush benchmark: `npm run bench:flush`. One guard device in headless Chromium was offline for days
 * and holds 10,000 check-ins queued through the app's own data layer; the real server process comes
 * back and the app's sync engine drains the outbox. Measures from the server listening again to the
 * pending count reaching zero, then checks all 10,000 are in the server's database. The server is
 * the compiled one, as deployed (`node dist-server/cli.js`; the script builds it first), opening sealed
 * items on its worker threads (`UNSEAL_THREADS`, default one per core), and it serves the page itself
 * (a production build of `flush-page/`), as it serves the app. Phone and server share this machine's
 * cores, so the CPU each used during the flush is printed (Linux).
 * Last line: `flush 10000 in X s, Y per second`.
 * Anchor (GUIDE §5): PouchDB, the same 10,000 records, IndexedDB → PouchDB server: 10.3 s, 974/s.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { EnrolResponse } from '../src/shared/protocol';
import { launchChromium } from '../tests/support/chromium';
import { createEnrolLink, readCheckins, removeDataDir, startServerProcess } from '../tests/support/server-process';
import { buildServerBundle } from '../tests/support/build-server';
import { API } from '../src/shared/protocol';
import type { FlushBench } from './flush-page/main';

const COUNT = Number(process.env.FLUSH_COUNT ?? 10_000);

/**
 * CPU time (user + system, ms) of the processes below `pid` (the process itself with `self`), leaving out
 * the tree of `skip`; -1 where /proc is not there.
 */
function cpuMs(pid: number | undefined, opts: { self?: boolean; skip?: number } = {}): number {
  if (pid === undefined || !existsSync('/proc')) return -1;
  const stats = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const fields = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [{ pid: Number(d), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return [];
      }
    });
  const wanted = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats) {
      if (!wanted.has(s.ppid) || wanted.has(s.pid) || s.pid === opts.skip) continue;
      wanted.add(s.pid);
      grew = true;
    }
  }
  if (!opts.self) wanted.delete(pid);
  return stats.filter((s) => wanted.has(s.pid)).reduce((n, s) => n + s.ticks * 10, 0);
}

async function main(): Promise<void> {
  buildServerBundle();
  const root = fileURLToPath(new URL('./flush-page', import.meta.url));
  const outDir = fileURLToPath(new URL('../.tmp/flush-page-dist', import.meta.url));
  await build({ configFile: false, root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await startServerProcess({ args: ['--static', outDir] });
  const browser = await launchChromium();
  try {
    const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    const enrolRes = await fetch(new URL(API.enrol, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: link.split('#')[1], appVersion: 'bench' }),
    });
    const enrolment = (await enrolRes.json()) as EnrolResponse;
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('page console:', m.text()));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => 'flushBench' in window);
    const bench = await page.evaluateHandle(() => (window as unknown as { flushBench: FlushBench }).flushBench);
    await bench.evaluate((b, e) => b.enrol(e), enrolment);

    // Offline for days: the server is down while the guard keeps checking people in.
    await server.stop();
    // Offline for four days, one check-in every 30 s (10,000 end half a day ago: none claims a future time).
    const startTime = Date.now() - 4 * 86_400_000;
    const f0 = performance.now();
    const queued = await bench.evaluate((b, a) => b.fill(a.count, a.checkpointId, a.startTime), {
      count: COUNT,
      checkpointId: enrolment.checkpoint.id,
      startTime,
    });
    const fillMs = performance.now() - f0;
    if (queued !== COUNT) throw new Error(`queued ${queued}, expected ${COUNT}`);
    console.log(
      `queued ${queued} check-ins with the server down, sealed at save time (HPKE + identity HMAC): ${(fillMs / COUNT).toFixed(2)} ms per check-in, saves of 100`,
    );

    await server.restart();
    // Chromium is what this process started besides the server.
    const cpuNow = () => ({
      server: cpuMs(server.pid, { self: true }),
      chromium: cpuMs(process.pid, { skip: server.pid }),
    });
    const cpu0 = cpuNow();
    const t0 = performance.now();
    const flushed = await bench.evaluate((b) => b.flush());
    const pending = await bench.evaluate((b) => b.pending());
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuNow();
    const cpu = { server: cpu1.server - cpu0.server, chromium: cpu1.chromium - cpu0.chromium };
    if (flushed.result.outcome !== 'done' || pending !== 0)
      throw new Error(`flush ended ${JSON.stringify(flushed.result)} with ${pending} pending`);

    const stored = await readCheckins(server.dataDir);
    if (stored.length !== COUNT) throw new Error(`server holds ${stored.length} check-ins, expected ${COUNT}`);
    console.log(
      `server holds ${stored.length} check-ins; in-page flush ${Math.round(flushed.ms)} ms, of which waiting for the server ${Math.round(flushed.fetchMs)} ms`,
    );
    const cores = availableParallelism();
    if (cpu.server >= 0 && cpu.chromium >= 0)
      console.log(
        `CPU during the flush: server ${cpu.server} ms, Chromium ${cpu.chromium} ms (${cores} cores × the flush: ${Math.round(seconds * 1000 * cores)} ms)`,
      );
    console.log(`flush ${COUNT} in ${seconds.toFixed(2)} s, ${Math.round(COUNT / seconds)} per second`);
    await server.stop();
    removeDataDir(server.dataDir);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
