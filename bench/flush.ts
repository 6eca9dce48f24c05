/**
 * Flush benchmark: `npm run bench:flush`. One guard device in headless Chromium was offline for days
 * and holds 10,000 check-ins queued through the app's own data layer; the real server process comes
 * back and the app's sync engine drains the outbox. Measures from the server listening again to the
 * pending count reaching zero, then checks all 10,000 are in the server's database. The server is
 * the compiled one, as deployed (`node dist-server/cli.js`; the script builds it first), opening sealed
 * items on its worker threads (`UNSEAL_THREADS`, default one per core).
 * Last line: `flush 10000 in X s, Y per second`.
 * Anchor (GUIDE §5): PouchDB, the same 10,000 records, IndexedDB → PouchDB server: 10.3 s, 974/s.
 */
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import type { EnrolResponse } from '../src/shared/protocol';
import { launchChromium } from '../tests/support/chromium';
import { createEnrolLink, readCheckins, removeDataDir, startServerProcess } from '../tests/support/server-process';
import { API } from '../src/shared/protocol';
import type { FlushBench } from './flush-page/main';

const COUNT = Number(process.env.FLUSH_COUNT ?? 10_000);

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const server = await startServerProcess({ compiled: true });
  const root = fileURLToPath(new URL('./flush-page', import.meta.url));
  const vite = await createServer({
    configFile: false,
    root,
    cacheDir: fileURLToPath(new URL('../.tmp/vite-bench-flush', import.meta.url)),
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: ['dexie', 'uuid', 'valibot'] },
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      hmr: false,
      proxy: { '/api': { target: server.url, changeOrigin: false } },
    },
  });
  const browser = await launchChromium();
  try {
    const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    const enrolRes = await fetch(new URL(API.enrol, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: link.split('#')[1], appVersion: 'bench' }),
    });
    const enrolment = (await enrolRes.json()) as EnrolResponse;
    await vite.listen();
    const { port } = vite.httpServer?.address() as AddressInfo;
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('page console:', m.text()));
    await page.goto(`http://127.0.0.1:${port}/index.html`);
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
    const t0 = performance.now();
    const flushed = await bench.evaluate((b) => b.flush());
    const pending = await bench.evaluate((b) => b.pending());
    const seconds = (performance.now() - t0) / 1000;
    if (flushed.result.outcome !== 'done' || pending !== 0)
      throw new Error(`flush ended ${JSON.stringify(flushed.result)} with ${pending} pending`);

    const stored = await readCheckins(server.dataDir);
    if (stored.length !== COUNT) throw new Error(`server holds ${stored.length} check-ins, expected ${COUNT}`);
    console.log(
      `server holds ${stored.length} check-ins; in-page flush ${Math.round(flushed.ms)} ms, of which waiting for the server ${Math.round(flushed.fetchMs)} ms`,
    );
    console.log(`flush ${COUNT} in ${seconds.toFixed(2)} s, ${Math.round(COUNT / seconds)} per second`);
    await server.stop();
    removeDataDir(server.dataDir);
  } finally {
    await browser.close();
    await vite.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
