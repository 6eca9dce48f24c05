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
import { parseVisitorCode } from '../../src/shared/scan/visitor-code';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import { VisitorPage } from '../support/visitor-page';
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
  it('names a device at enrolment: the officer types "Máy cổng chính" and the devices page says so', async () => {
    await officialPage.goto(`${server.url}/console/checkpoints/${checkpoint.id}`);
    await officialPage.locator('input[name=deviceName]').fill('Máy cổng chính');
    const link = await console_.createEnrolLink();
    const guardContext = await browser.newContext();
    const guardPage = await guardContext.newPage();
    await guardPage.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await guardPage.waitForURL('**/guard');
    await guardContext.close();
    await officialPage.goto(`${server.url}/console/devices`);
    const names = officialPage.locator('[data-testid=device-table] tbody tr td:first-child');
    await names.first().waitFor();
    expect(await names.allTextContents()).toContain('Máy cổng chính');
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
    // The district marks a yes to it as an exposure, in its own short words for the door.
    await added.locator('select[name=risk]').selectOption('exposure');
    await added.locator('input[name=riskLabelVi]').fill('Về từ nước ngoài');
    // A one-choice question: each choice typed in words, no value codes asked.
    await officialPage.getByRole('button', { name: '+ Thêm câu hỏi' }).click();
    const choice = editors.nth(before + 1);
    await choice.locator('input[name=labelVi]').fill('Đã tiêm mấy mũi vắc xin');
    await choice.locator('select[name=group]').selectOption('vaccination');
    await choice.locator('select[name=kind]').selectOption('choice');
    const rows = choice.getByTestId('choice-row');
    expect(await rows.count()).toBe(2);
    await rows.nth(0).locator('input[name=optionVi]').fill('Chưa tiêm');
    await rows.nth(1).locator('input[name=optionVi]').fill('Một hoặc hai mũi');
    await choice.getByRole('button', { name: '+ Thêm lựa chọn' }).click();
    await rows.nth(2).locator('input[name=optionVi]').fill('Ba mũi trở lên');
    await rows.nth(2).locator('input[name=optionEn]').fill('Three or more');
    expect(await choice.locator('textarea, input[name=value]').count()).toBe(0);
    await choice.screenshot({ path: join(workDir, 'choice-editor.png') });
    await officialPage.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await officialPage.getByText('Đã lưu phiên bản 2.').waitFor();

    const served = (await (await fetch(`${server.url}/api/questionnaire`)).json()) as {
      version: number;
      questions: { id: string; kind: string; group: string; label: { vi: string; en: string } }[];
    };
    expect(served.version).toBe(2);
    expect(served.questions).toHaveLength(before + 2);
    expect(served.questions[1]?.label.vi).toBe('Sốt trên 38 độ');
    // The new questions come just before the pledge, which stays last.
    expect(served.questions.at(-3)).toEqual({
      id: 'co_di_ve_tu_nuoc_ngoai',
      kind: 'yesno',
      group: 'symptoms',
      label: { vi: 'Có đi về từ nước ngoài', en: 'Came back from abroad' },
      risk: 'exposure',
      riskLabel: { vi: 'Về từ nước ngoài', en: '' },
    });
    expect(served.questions.at(-2)).toEqual({
      id: 'da_tiem_may_mui_vac_xin',
      kind: 'choice',
      group: 'vaccination',
      label: { vi: 'Đã tiêm mấy mũi vắc xin', en: '' },
      options: [
        { value: 'chua_tiem', label: { vi: 'Chưa tiêm', en: '' } },
        { value: 'mot_hoac_hai_mui', label: { vi: 'Một hoặc hai mũi', en: '' } },
        { value: 'ba_mui_tro_len', label: { vi: 'Ba mũi trở lên', en: 'Three or more' } },
      ],
    });
    expect(served.questions.at(-1)?.group).toBe('consent');
  });

  it('shows a visitor who answers yes to the newly marked question the district’s own words for the risk', async () => {
    const visitorContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await visitorContext.newPage();
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, { name: 'Vũ Thị Về', birth: '1991' });
    const card = page.getByTestId('member').filter({ hasText: 'Vũ Thị Về' });
    await card.getByRole('button').first().click();
    const form = page.getByTestId('declaration-form');
    await form.waitFor();
    // The new choice question reads in words on the visitor's form.
    expect(await form.textContent()).toContain('Ba mũi trở lên');
    await page.goBack();
    await visitor.declare('Vũ Thị Về', ['co_di_ve_tu_nuoc_ngoai']);
    const state = page.getByTestId('qr-declaration');
    expect(await state.getAttribute('data-risk')).toBe('risk');
    expect(await state.getByTestId('risk-notice').textContent()).toContain('Về từ nước ngoài');
    const scanned = parseVisitorCode(await visitor.qrPayload());
    expect(scanned.kind === 'visitor' && scanned.declaration?.risk).toEqual(['exposure']);
    await visitorContext.close();
  });

  it('shows the audit log in words, with local times and readable details', async () => {
    await officialPage.goto(`${server.url}/console/audit`);
    const table = officialPage.getByTestId('audit-table');
    await table.locator('tbody tr').first().waitFor();
    const created = table
      .locator('tbody tr')
      .filter({ has: officialPage.locator('td[data-action="checkpoint.create"]') });
    const cells = await created.first().locator('td').allTextContents();
    expect(cells[0]).toMatch(/\d{1,2}:\d{2}/);
    expect(cells[0]).toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}/);
    expect(cells.slice(1, 3)).toEqual(['admin', 'Tạo chốt']);
    expect(cells[3]).toContain('Mã chốt: TS-DLY-001');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Lưu tờ khai y tế');
    expect(text).toContain('Tạo đường dẫn đăng ký thiết bị');
    // No machine words: action codes, JSON, ISO or millisecond times.
    expect(text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b|[{}"]|\d{4}-\d{2}-\d{2}T|\.\d{3}Z|\b\d{13}\b/);
    await officialPage.screenshot({ path: join(workDir, 'audit.png'), fullPage: true });
  });
});
