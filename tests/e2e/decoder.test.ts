/**
 * The guard's scanner in real headless Chromium: a fake camera streams a QR video, and the page runs
 * the app's own camera, scan loop and zxing decoder (Linux Chromium has no BarcodeDetector).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { encodeGrayPng, renderQrToGray, writeQrVideo } from '../support/fake-camera';
import type { ScanPage } from './pages/scan/main';

const CCCD =
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';
const POSTER = 'https://tram.example.vn/c/TS-DANLUC-01?v=1';
const PAGES = fileURLToPath(new URL('./pages', import.meta.url));
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
let server: ViteDevServer;
let browser: Browser;
let page: Page;
let scan: JSHandle<ScanPage>;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scan-e2e-'));
  const video = join(dir, 'cccd.y4m');
  await writeQrVideo(video, [CCCD], { framesPerCode: 10, noise: 12 });
  server = await createServer({
    configFile: false,
    root: PAGES,
    cacheDir: join(PROJECT, '.tmp', 'vite-e2e-decoder'),
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium({ fakeVideo: video });
  const context = await browser.newContext();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  await page.goto(`${origin}/scan/index.html`);
  await page.waitForFunction(() => 'scanPage' in window);
  scan = await page.evaluateHandle(() => (window as unknown as { scanPage: ScanPage }).scanPage);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('QR scanning with the fake camera (zxing path)', () => {
  it('reads the CCCD payload from the camera, UTF-8 intact, and reports it once while it stays in view', async () => {
    const kind = await scan.evaluate((p) => p.start());
    expect(kind).toBe('zxing');
    const started = Date.now();
    await page.waitForFunction((p) => p.scanned.length > 0, scan, { timeout: 5000 });
    const elapsed = Date.now() - started;
    // The code stays in front of the camera (the video loops): still exactly one report.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const scanned = await scan.evaluate((p) => p.scanned);
    expect(scanned).toEqual([CCCD]);
    expect(elapsed).toBeLessThan(5000);
  });

  it('reads an inverted code from raw pixels and a code from a still PNG image', async () => {
    const inverted = renderQrToGray(POSTER, 640, 480, { invert: true, noise: 8 });
    const fromPixels = await scan.evaluate((p, [base64, width, height]) => p.decodeGray(base64, width, height), [
      Buffer.from(inverted.data).toString('base64'),
      inverted.width,
      inverted.height,
    ] as const);
    expect(fromPixels).toEqual([POSTER]);

    const png = encodeGrayPng(renderQrToGray(CCCD, 360, 360, { noise: 20 }));
    const fromFile = await scan.evaluate((p, base64) => p.decodeFile(base64, 'image/png'), png.toString('base64'));
    expect(fromFile).toEqual([CCCD]);

    // A photo with no code in it is not an error: just nothing found.
    const blank = encodeGrayPng({ width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255) });
    const none = await scan.evaluate((p, base64) => p.decodeFile(base64, 'image/png'), blank.toString('base64'));
    expect(none).toEqual([]);
  });

  it('recovers from a decode that fails inside the worker: that call rejects, the next one works', async () => {
    expect(await scan.evaluate((p) => p.decodeMalformed())).toBe('rejected');
    const code = renderQrToGray(POSTER, 320, 240);
    const texts = await scan.evaluate((p, [base64, width, height]) => p.decodeGray(base64, width, height), [
      Buffer.from(code.data).toString('base64'),
      code.width,
      code.height,
    ] as const);
    expect(texts).toEqual([POSTER]);
    // The camera loop shares the worker: a frame it had in flight fails with the reset, nothing else.
    const errors = await scan.evaluate((p) => p.errors);
    expect(errors.filter((e) => !e.endsWith('zxing worker reset after an error'))).toEqual([]);
  });

  it('fetched the decoder .wasm from the page’s own origin and nothing from elsewhere', () => {
    const wasm = requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    for (const url of wasm) expect(new URL(url).origin).toBe(origin);
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  });

  it('stop() ends every camera track and detaches the stream', async () => {
    const before = (await scan.evaluate((p) => p.errors)).length;
    const result = await scan.evaluate((p) => p.stop());
    expect(result.tracks.length).toBeGreaterThan(0);
    expect(result.tracks.every((s) => s === 'ended')).toBe(true);
    expect(result.srcObject).toBe(false);
    // Stopping mid-frame reports nothing (a frame in flight when it stops is dropped quietly).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const errors = await scan.evaluate((p) => p.errors);
    expect(errors.slice(before)).toEqual([]);
  });
});

describe('camera failures come out typed, so the UI can offer typed entry', () => {
  const openIn = async (b: Browser) => {
    const p = await b.newPage();
    await p.goto(`${origin}/scan/index.html`);
    await p.waitForFunction(() => 'scanPage' in window);
    return p.evaluate(() => (window as unknown as { scanPage: ScanPage }).scanPage.tryOpen());
  };

  it("reports 'not_found' on a machine without a camera", async () => {
    const noCamera = await launchChromium();
    try {
      expect(await openIn(noCamera)).toBe('not_found');
    } finally {
      await noCamera.close();
    }
  });

  it("reports 'denied' when camera permission is refused", async () => {
    const refusing = await launchChromium({ args: ['--use-fake-device-for-media-stream'] });
    try {
      expect(await openIn(refusing)).toBe('denied');
    } finally {
      await refusing.close();
    }
  });
});
