/**
 * The district console end to end in Debian Chromium against the real server process: sign in,
 * create a checkpoint, print-preview its poster and read the QR back with the app's own decoder,
 * enrol a guard device from the enrolment link the console shows, scan a visitor, and watch the
 * dashboard move the checkpoint from silent to active.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, JSHandle, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { parsePosterUrl, verifyPoster } from '../../src/shared/poster/poster-link';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import type { ScanPage } from './pages/scan/main';

const PASSWORD = 'mat-khau-dai-1';
const CCCD = '038196004321||Lê Thị Bình|12031996|Nữ|Xóm 5, Xã Dân Lý, Huyện Triệu Sơn, Thanh Hóa|04102024||||';
const PAGES = fileURLToPath(new URL('./pages', import.meta.url));
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

let server: ServerProcess;
let browser: Browser;
let vite: ViteDevServer;
let decoderOrigin: string;
let workDir: string;
let officialPage: Page;
let console_: ConsolePage;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'tramqr-console-e2e-'));
  const video = join(workDir, 'camera.y4m');
  await writeQrVideo(video, [CCCD], { framesPerCode: 5 });
  server = await startServerProcess();
  createAccountWithCli(server.dataDir, 'admin', PASSWORD, ['--name', 'Quản trị huyện']);
  vite = await createServer({
    configFile: false,
    root: PAGES,
    cacheDir: join(PROJECT, '.tmp', 'vite-e2e-console'),
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await vite.listen();
  decoderOrigin = `http://127.0.0.1:${(vite.httpServer?.address() as AddressInfo).port}`;
  browser = await launchChromium({ fakeVideo: video });
  officialPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  console_ = new ConsolePage(officialPage, server.url);
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Decodes a PNG with the app's decoder (zxing-wasm path) in a page of the test bundle. */
async function decodePng(png: Buffer): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${decoderOrigin}/scan/index.html`);
    await page.waitForFunction(() => 'scanPage' in window);
    const scan: JSHandle<ScanPage> = await page.evaluateHandle(
      () => (window as unknown as { scanPage: ScanPage }).scanPage,
    );
    return await scan.evaluate((p, base64) => p.decodeFile(base64, 'image/png'), png.toString('base64'));
  } finally {
    await page.close();
  }
}

describe('district console', () => {
  let checkpoint: { id: string; code: string };

  it('refuses a wrong password and signs the administrator in', async () => {
    await officialPage.goto(`${server.url}/console`);
    await officialPage.fill('input[name=username]', 'admin');
    await officialPage.fill('input[name=password]', 'sai-mat-khau');
    await officialPage.click('button[type=submit]');
    await officialPage.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();
    await console_.signIn('admin', PASSWORD);
    expect(await officialPage.getByTestId('signed-in-as').textContent()).toContain('Quản trị huyện');
  });

  it('creates a checkpoint, which the dashboard lists as silent', async () => {
    const before = await console_.dashboard();
    checkpoint = await console_.createCheckpoint({
      commune: 'Xã Dân Lý',
      name: 'Chợ Dân Lý',
      type: 'market',
      address: 'Thôn 3, xã Dân Lý',
      contactName: 'Phạm Thị Hoa',
      contactPhone: '0912 111 222',
    });
    expect(checkpoint.code).toBe('TS-DLY-001');
    const after = await console_.dashboard();
    expect(after.registered).toBe(before.registered + 1);
    expect(after.silent).toContain('TS-DLY-001');
  });

  it('prints an A4 poster whose QR the app decodes to a link signed by the server', async () => {
    await officialPage.goto(`${server.url}/console/posters/${checkpoint.id}`);
    await officialPage.emulateMedia({ media: 'print' });
    const poster = officialPage.getByTestId('poster');
    await poster.waitFor();
    expect(await poster.textContent()).toContain('KHÔNG đăng, chia sẻ mã QR này');
    expect(await officialPage.locator('nav').isVisible()).toBe(false);
    // At least 15 cm wide when printed (96 CSS px per inch).
    const qr = officialPage.locator('[data-testid=poster-qr] svg');
    const box = await qr.boundingBox();
    expect(((box?.width ?? 0) / 96) * 2.54).toBeGreaterThanOrEqual(15);

    const texts = await decodePng(await qr.screenshot());
    expect(texts).toHaveLength(1);
    const signed = parsePosterUrl(texts[0]!);
    expect(signed).toMatchObject({ code: 'TS-DLY-001', checkpointId: checkpoint.id, name: 'Chợ Dân Lý' });
    const { publicKey } = (await (await fetch(`${server.url}/api/poster-key`)).json()) as { publicKey: string };
    expect(await verifyPoster(signed!, publicKey)).toBe(true);
    await officialPage.emulateMedia({ media: 'screen' });
  });

  it('shows a door screen from a door link, without a session, with a code signed for the current minute', async () => {
    await officialPage.goto(`${server.url}/console/checkpoints/${checkpoint.id}`);
    await officialPage.getByTestId('create-door-link').click();
    const doorLink = (await officialPage.getByTestId('door-link').getAttribute('href')) ?? '';
    expect(doorLink).toMatch(/\/console\/door#[A-Za-z0-9_-]{43}$/);
    // An old 1024×768 screen at the door: the QR and the line saying how long it is valid both fit.
    const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const door = await tablet.newPage();
    await door.goto(doorLink.replace(/^https?:\/\/[^/]+/, server.url));
    const screen = door.getByTestId('door-screen');
    await screen.waitFor();
    const signed = parsePosterUrl((await screen.getAttribute('data-url')) ?? '');
    expect(signed).toMatchObject({ code: 'TS-DLY-001', checkpointId: checkpoint.id });
    expect(Math.abs((signed?.t ?? 0) - Math.floor(Date.now() / 60_000))).toBeLessThanOrEqual(1);
    const validity = await door.getByTestId('door-valid-until').boundingBox();
    expect(validity && validity.y >= 0 && validity.y + validity.height <= 768).toBe(true);
    expect(await door.getByTestId('door-valid-until').textContent()).toContain('hiệu lực đến');
    const texts = await decodePng(await door.locator('.door-qr svg').screenshot());
    expect(texts).toEqual([await screen.getAttribute('data-url')]);
    // The tablet has no console session.
    expect((await door.request.get(`${server.url}/api/admin/checkpoints`)).status()).toBe(401);
    await tablet.close();
  });

  it('enrols a guard device from the console link; its check-ins move the checkpoint from silent to active', async () => {
    await officialPage.goto(`${server.url}/console/checkpoints/${checkpoint.id}`);
    const link = await console_.createEnrolLink();
    expect(link).toMatch(/\/enrol#[a-z2-7]{32}$/);
    // The officer hands the link on with one tap (desktop Chromium has no share sheet: it is copied).
    await officialPage.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await officialPage.getByTestId('copy-enrol-link').click();
    await officialPage.getByRole('status').filter({ hasText: 'Đã sao chép' }).waitFor();
    expect(await officialPage.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const before = await console_.dashboard();

    const guardContext = await browser.newContext();
    const guardPage = await guardContext.newPage();
    const guard = new GuardPage(guardPage);
    await guardPage.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await guardPage.waitForURL('**/guard');
    expect(await guard.checkpointHeading()).toContain('Chợ Dân Lý');
    await guard.waitForLastName('Lê Thị Bình');
    await guard.waitForPending(0);
    await guardContext.close();

    const stored = await readCheckins(server.dataDir);
    expect(stored.filter((c) => c.checkpointId === checkpoint.id).map((c) => c.person.name)).toEqual(['Lê Thị Bình']);

    const after = await console_.dashboard();
    expect(after.silent).not.toContain('TS-DLY-001');
    expect(after.active).toBe(before.active + 1);

    await officialPage.goto(`${server.url}/console/devices`);
    const row = officialPage.locator('[data-testid=device-table] tbody tr').filter({ hasText: 'TS-DLY-001' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain('Chưa đồng bộ');
    // Named in words by the server, never by its browser's user-agent.
    expect(await row.locator('td').first().textContent()).toBe('Máy 1 – Chợ Dân Lý');
    // A device enrolled before devices were named carries its user-agent: the console names it in words.
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
    try {
      await db
        .updateTable('devices')
        .set({ label: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile' })
        .where('checkpoint_id', '=', checkpoint.id)
        .execute();
    } finally {
      await db.destroy();
    }
    await officialPage.reload();
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toMatch(/^Máy chưa đặt tên – Chợ Dân Lý \(…[0-9a-z]{4}\)$/);
    expect(await row.textContent()).not.toContain('Mozilla');
  });
  it('edits the questionnaire in a form; the new version is what devices download', async () => {
    await officialPage.goto(`${server.url}/console/questionnaire`);
    await officialPage.getByTestId('questionnaire-version').filter({ hasText: 'Phiên bản hiện hành: 1 ' }).waitFor();
    const editors = officialPage.getByTestId('question-editor');
    await editors.first().waitFor();
    const before = await editors.count();
    expect(before).toBe(16);
    await editors.nth(1).locator('input[name=labelVi]').fill('Sốt trên 38 độ');
    await officialPage.getByRole('button', { name: '+ Thêm câu hỏi' }).click();
    const added = editors.nth(before);
    // A question without Vietnamese wording is refused before anything is sent.
    await officialPage.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await officialPage
      .getByRole('status')
      .filter({ hasText: `Câu ${before + 1}: cần nội dung câu hỏi tiếng Việt` })
      .waitFor();
    // Issue 12: the official never types a code; the key is made from the Vietnamese wording.
    await added.locator('input[name=labelVi]').fill('Có đi về từ nước ngoài');
    await added.locator('input[name=labelEn]').fill('Came back from abroad');
    await officialPage.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await officialPage.getByText('Đã lưu phiên bản 2.').waitFor();

    const served = (await (await fetch(`${server.url}/api/questionnaire`)).json()) as {
      version: number;
      questions: { id: string; kind: string; group: string; label: { vi: string; en: string } }[];
    };
    expect(served.version).toBe(2);
    expect(served.questions).toHaveLength(before + 1);
    expect(served.questions[1]?.label.vi).toBe('Sốt trên 38 độ');
    // The new question comes just before the pledge, which stays last.
    expect(served.questions.at(-2)).toMatchObject({
      id: 'co_di_ve_tu_nuoc_ngoai',
      kind: 'yesno',
      label: { vi: 'Có đi về từ nước ngoài', en: 'Came back from abroad' },
    });
    expect(served.questions.at(-1)?.group).toBe('consent');
  });
});
