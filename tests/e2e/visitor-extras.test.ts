/**
 * The visitor's remaining paths in real Chromium with the fake camera: a profile prefilled by scanning
 * the visitor's own CCCD card, the in-app poster scanner, the printable A6 card for a relative without
 * a phone, and the illustrated install guide iPhones get instead of an install prompt.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import { parseVisitorCode } from '../../src/shared/scan/visitor-code';
import { launchChromium } from '../support/chromium';
import { writeQrVideo } from '../support/fake-camera';
import { removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const OWN_CARD =
  '038188009999|123456789|Vũ Thị Thu|09091988|Nữ|Thôn 2, Xã Thọ Dân, Huyện Triệu Sơn, Thanh Hóa|10102021';

describe('visitor: card prefill, in-app poster scanner, A6 card, iPhone guide', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let workDir: string;
  let video: string;
  let posterLink: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-visitor-extras-'));
    video = join(workDir, 'camera.y4m');
    await writeQrVideo(video, [OWN_CARD], { framesPerCode: 5 });
    server = await startServerProcess();
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
    const cp = (await findCheckpointByCode(db, 'TS-DL-001'))!;
    posterLink = (await loadPosterSigner(db, server.url, Date.now())).url({
      code: cp.code,
      checkpointId: cp.id,
      name: cp.name,
    });
    await db.destroy();
    browser = await launchChromium({ fakeVideo: video });
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('prefills the visitor’s own profile by scanning the QR on their CCCD card', async () => {
    await page.goto(`${server.url}/`);
    const form = page.getByTestId('profile-form');
    await form.getByRole('button', { name: /Quét mã QR trên thẻ CCCD/ }).click();
    await expect.poll(() => form.locator('input[name="name"]').inputValue(), { timeout: 15_000 }).toBe('Vũ Thị Thu');
    expect(await form.locator('input[name="idNumber"]').inputValue()).toBe('038188009999');
    expect(await form.locator('input[name="address"]').inputValue()).toContain('Xã Thọ Dân');
    await form.locator('input[name="phone"]').fill('0915000111');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('visitor-home').waitFor();
    expect(await page.getByTestId('member').first().textContent()).toContain('Vũ Thị Thu');
  });

  it('prints an A6 card whose QR is the member’s personal code, without a declaration', async () => {
    const id = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('tram-qr');
          open.onsuccess = () => {
            const all = open.result.transaction('profiles').objectStore('profiles').getAll();
            all.onsuccess = () => resolve((all.result as { id: string }[])[0]?.id ?? '');
            all.onerror = () => reject(all.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.goto(`${server.url}/me/card/${id}`);
    const card = page.getByTestId('print-card');
    await card.waitFor();
    await page.emulateMedia({ media: 'print' });
    const box = await card.boundingBox();
    // A6 is 105 × 148 mm = about 397 × 559 CSS px.
    expect(Math.round(box!.width)).toBeGreaterThanOrEqual(390);
    expect(Math.round(box!.width)).toBeLessThanOrEqual(400);
    // Printed: one A6 page (105 × 148 mm = 297.6 × 419.5 pt), the card inside a dashed cut line.
    expect(await card.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    const pdf = join(tmpdir(), `tramqr-a6-${process.pid}.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = (await promisify(execFile)('pdfinfo', [pdf])).stdout;
    if (process.env.CARD_PNG_DIR)
      await promisify(execFile)('pdftoppm', ['-png', '-r', '100', pdf, join(process.env.CARD_PNG_DIR, 'a6-card')]);
    rmSync(pdf, { force: true });
    expect(info).toMatch(/^Pages:\s+1$/m);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.abs(Number(w) - 297.6)).toBeLessThan(2);
    expect(Math.abs(Number(h) - 419.5)).toBeLessThan(2);
    await page.emulateMedia({ media: 'screen' });
    const payload = (await card.getByTestId('personal-qr').getAttribute('data-payload')) ?? '';
    const parsed = parseVisitorCode(payload);
    expect(parsed).toMatchObject({
      kind: 'visitor',
      person: { name: 'Vũ Thị Thu', idNumber: '038188009999', visitorId: id },
      declaration: null,
    });
  });

  it('opens a poster’s check-in page from the in-app scanner', async () => {
    await writeQrVideo(video, [posterLink], { framesPerCode: 5 });
    await page.goto(`${server.url}/me/scan`);
    await page.getByTestId('self-checkin').waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('/c/TS-DL-001?');
    expect(await page.getByTestId('poster-name').textContent()).toContain('Dân Lực');
  });

  it('shows iPhones an illustrated add-to-home-screen guide instead of an install button', async () => {
    const iphone = await browser.newContext({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 844 },
    });
    const phone = await iphone.newPage();
    await phone.goto(`${server.url}/`);
    await phone.getByTestId('profile-form').locator('input[name="name"]').fill('Lê Văn Tư');
    await phone.getByTestId('profile-form').locator('button[type="submit"]').click();
    const guide = phone.getByTestId('ios-guide');
    await guide.waitFor();
    expect(await guide.locator('svg').count()).toBeGreaterThan(0);
    expect(await guide.textContent()).toMatch(/Màn hình chính|Thêm vào/);
    await iphone.close();
  });
});
