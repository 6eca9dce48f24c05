/**
 * Install prerequisites (manifest and service worker valid, as Chromium itself judges them), then a
 * visitor's own data on the phone: visits and check-out, the privacy page and "delete everything".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import { BASE_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('visitor: installable app and data on the phone', () => {
  let server: ServerProcess;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;

  beforeAll(async () => {
    server = await startServerProcess();
    // A persistent profile: Chromium never offers to install from an incognito context.
    profileDir = mkdtempSync(join(tmpdir(), 'tramqr-install-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: BASE_ARGS,
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('has a valid manifest with Vietnamese names and maskable icons, and a service worker Chromium accepts for install', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

    const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await page.request.get(new URL(manifestUrl!, server.url).toString())).json()) as Manifest;
    expect(manifest).toMatchObject({ lang: 'vi', start_url: '/', display: 'standalone', theme_color: '#0b5d3b' });
    expect(manifest.name).toContain('khai báo y tế');
    expect(manifest.short_name).toMatch(/Trạm/);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    for (const icon of pngs) {
      const res = await page.request.get(new URL(icon.src, server.url).toString());
      expect(res.status()).toBe(200);
      const [w, h] = pngSize(await res.body());
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
    expect(pngs.some((i) => i.sizes === '192x192')).toBe(true);
    expect(pngs.some((i) => i.sizes === '512x512' && i.purpose === 'maskable')).toBe(true);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(`${server.url}/`);
    // When the browser offers the install (beforeinstallprompt, whose timing Chromium decides), the start
    // page shows its own install button and the button replays the browser's prompt once.
    await page.evaluate(() => {
      const offer = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
        prompt: () => Promise<void>;
        userChoice: Promise<unknown>;
      };
      offer.prompt = async () => {
        (window as unknown as { prompted: number }).prompted =
          ((window as unknown as { prompted?: number }).prompted ?? 0) + 1;
      };
      offer.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(offer);
    });
    await page.getByTestId('install-button').click();
    expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
    await page.getByTestId('install-button').waitFor({ state: 'detached' });
  });

  it('lists my visits, checks out, then deletes everything on the phone (the server keeps what it received)', async () => {
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, { name: 'Lê Văn Tám', birth: '1975' });
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
    const cp = (await findCheckpointByCode(db, 'TS-DL-001'))!;
    const link = (await loadPosterSigner(db, server.url, Date.now())).url({
      code: cp.code,
      checkpointId: cp.id,
      name: cp.name,
    });
    await db.destroy();

    await page.goto(link);
    await visitor.skipDeclareFirst();
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-done').waitFor();
    await page.getByRole('button', { name: 'Lịch sử ra vào' }).click();
    const visit = page.getByTestId('visit');
    await expect.poll(() => visit.textContent()).toContain('UBND xã Dân Lực');
    await page.getByTestId('checkout').click();
    await expect.poll(() => page.getByTestId('checkout').count()).toBe(0);
    await visitor.waitForPending(0, 30_000);
    const stored = await readCheckins(server.dataDir);
    const mine = stored.filter((c) => c.person.name === 'Lê Văn Tám');
    expect(mine.map((c) => c.kind).sort()).toEqual(['in', 'out']);
    expect(mine.find((c) => c.kind === 'out')?.ref).toBe(mine.find((c) => c.kind === 'in')?.id);

    await page.goto(`${server.url}/me/privacy`);
    await page.getByTestId('privacy').waitFor();
    expect(await page.getByTestId('privacy').textContent()).toContain('chỉ lưu trong trình duyệt');
    await page.getByTestId('delete-everything').click();
    await page.getByTestId('delete-everything').click();
    await page.getByTestId('deleted').waitFor();
    expect(await page.getByTestId('deleted').textContent()).toContain('Đã xóa toàn bộ dữ liệu trên điện thoại này.');
    await page.goto(`${server.url}/`);
    await page.getByTestId('visitor-welcome').waitFor();
    expect(await visitor.selfCheckInCount()).toBe(0);
  });
});
