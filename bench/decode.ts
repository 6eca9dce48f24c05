/**
 * Decoder benchmark: `npm run bench:decode -- DIR`. Decodes every NAME.{jpg,png,webp} under DIR
 * (recursively) once, in headless Chromium, through the app's own decoder module, and compares the
 * result exactly with NAME.txt. The line before the last times the same images handed over as pixels with the
 * camera loop's fast options (what one video frame costs the decoder; the file's decoding is not in it).
 * Last line: `decoded N/M median X ms`.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchChromium } from '../tests/support/chromium';
import { encodeGrayPng } from '../tests/support/fake-camera';
import type { BenchResult, DecodeBench } from './decode-page/main';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

interface Sample {
  image: string;
  expected: string;
}

async function findSamples(dir: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      samples.push(...(await findSamples(path)));
    } else if (MIME[extname(entry.name).toLowerCase()]) {
      const txt = join(dir, `${basename(entry.name, extname(entry.name))}.txt`);
      const expected = await readFile(txt, 'utf8').catch(() => undefined);
      if (expected !== undefined) samples.push({ image: path, expected });
    }
  }
  return samples.sort((a, b) => a.image.localeCompare(b.image, 'en', { numeric: true }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

async function main(): Promise<void> {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run bench:decode -- DIR');
    process.exit(2);
  }
  const samples = await findSamples(dir);
  if (samples.length === 0) throw new Error(`no NAME.{jpg,png,webp} + NAME.txt pairs under ${dir}`);

  const root = fileURLToPath(new URL('./decode-page', import.meta.url));
  const server = await createServer({
    configFile: false,
    root,
    cacheDir: fileURLToPath(new URL('../.tmp/vite-bench-decode', import.meta.url)),
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  const browser = await launchChromium();
  try {
    await server.listen();
    const { port } = server.httpServer?.address() as AddressInfo;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    await page.waitForFunction(() => 'decodeBench' in window);
    const bench = await page.evaluateHandle(() => (window as unknown as { decodeBench: DecodeBench }).decodeBench);
    const kind = await bench.evaluate((b) => b.init());
    // Warm up (worker start, wasm compile) on a blank image that is not part of the data set.
    const blank = encodeGrayPng({ width: 32, height: 32, data: new Uint8Array(32 * 32).fill(255) }).toString('base64');
    await bench.evaluate((b, b64) => b.decodeFile(b64, 'image/png'), blank);

    const times: number[] = [];
    const frameTimes: number[] = [];
    let decoded = 0;
    let framesDecoded = 0;
    const byFolder = new Map<string, { ok: number; total: number; times: number[]; misses: string[] }>();
    for (const sample of samples) {
      const base64 = (await readFile(sample.image)).toString('base64');
      const type = MIME[extname(sample.image).toLowerCase()] ?? 'application/octet-stream';
      const result: BenchResult = await bench.evaluate((b, [b64, t]) => b.decodeFile(b64, t), [base64, type] as const);
      const ok = result.texts.includes(sample.expected);
      const folder = relative(dir, dirname(sample.image)) || '.';
      const stats = byFolder.get(folder) ?? { ok: 0, total: 0, times: [], misses: [] };
      byFolder.set(folder, stats);
      stats.total++;
      stats.times.push(result.ms);
      times.push(result.ms);
      if (ok) {
        stats.ok++;
        decoded++;
      } else {
        const got = result.error ?? (result.texts.length ? result.texts.map(show).join(', ') : 'nothing');
        stats.misses.push(`${basename(sample.image)}: expected ${show(sample.expected)}, got ${got}`);
      }
    }
    // The frames after the files, so the files' figure is taken exactly as before.
    for (const sample of samples) {
      const base64 = (await readFile(sample.image)).toString('base64');
      const type = MIME[extname(sample.image).toLowerCase()] ?? 'application/octet-stream';
      const frame: BenchResult = await bench.evaluate((b, [b64, t]) => b.decodeAsFrame(b64, t), [
        base64,
        type,
      ] as const);
      frameTimes.push(frame.ms);
      if (frame.texts.includes(sample.expected)) framesDecoded++;
    }
    console.log(`decoder: ${kind}, ${samples.length} images under ${dir}`);
    for (const [folder, s] of byFolder) {
      console.log(`${folder}: ${s.ok}/${s.total} median ${median(s.times).toFixed(1)} ms`);
      for (const miss of s.misses) console.log(`  miss ${miss}`);
    }
    console.log(
      `as camera frames (pixels handed over, fast options): decoded ${framesDecoded}/${samples.length} median ${median(frameTimes).toFixed(1)} ms`,
    );
    console.log(`decoded ${decoded}/${samples.length} median ${median(times).toFixed(1)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
