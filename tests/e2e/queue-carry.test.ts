/**
 * Issue 14, a checkpoint cut off for days carries its queue by hand (Chromium, real server process):
 * a guard device with no network takes two check-ins, taps "Xuất dữ liệu chờ gửi" and gets one file
 * (the share sheet is absent on desktop Chromium, so it downloads); the file holds no visitor's name;
 * a commune officer uploads it in the console and reads what was taken; the server holds each check-in
 * once; when the guard's network returns, its own sync finds only duplicates and the queue empties.
 * With SCREENSHOT_DIR set, the guard's export (360 px) and the console's upload result are captured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const PASSWORD = 'can-bo-xa-dan-luc-2026';
const SHOTS = process.env.SCREENSHOT_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('a queue carried by hand', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess();
    createAccountWithCli(server.dataDir, 'canbo.danluc', PASSWORD, ['--role', 'officer', '--unit', 'TS-DL']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('exports the offline queue to a file, the console uploads it once, and the phone’s own sync doubles nothing', async () => {
    const guardContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 740 } });
    const page = await guardContext.newPage();
    const guard = await GuardPage.enrol(page, server);

    await guardContext.setOffline(true);
    for (const name of ['Nguyễn Thị Hoa', 'Trần Văn Sơn']) await guard.typeIn(name);
    await guard.waitForPending(2);

    await page.getByRole('link', { name: 'Hôm nay' }).click();
    const exportButton = page.getByRole('button', { name: 'Xuất dữ liệu chờ gửi' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^tramqr-TS-DL-001-\d{8}-\d{4}\.json$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('Nguyễn Thị Hoa');
    expect(text).not.toContain('Trần Văn Sơn');
    expect(JSON.parse(text)).toMatchObject({ format: 'tram-qr-queue', count: 2 });
    expect(await page.getByTestId('queue-export-done').textContent()).toContain('Đã lưu 2 lượt');
    expect(await guard.pendingCount()).toBe(2);
    await shot(page, 'guard-queue-export-360');

    // At the commune office: the officer uploads the carried file.
    const consolePage = await (await browser.newContext()).newPage();
    const officer = new ConsolePage(consolePage, server.url);
    await officer.signIn('canbo.danluc', PASSWORD);
    await consolePage.goto(`${server.url}/console/devices`);
    const panel = consolePage.getByTestId('queue-upload');
    await panel.locator('input[type=file]').setInputFiles(path);
    const result = consolePage.getByTestId('queue-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toContain('nhận mới 2 lượt, 0 lượt đã có trước, 0 lượt bị từ chối');
    expect((await readCheckins(server.dataDir)).map((c) => c.person.name).sort()).toEqual([
      'Nguyễn Thị Hoa',
      'Trần Văn Sơn',
    ]);
    await shot(consolePage, 'console-queue-upload');

    // The same file again: nothing new.
    await panel.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => result.textContent()).toContain('nhận mới 0 lượt, 2 lượt đã có trước');

    // A file changed on the way is refused in words.
    const altered = JSON.parse(text) as { batches: { body: string }[] };
    altered.batches[0]!.body = altered.batches[0]!.body.replace('"pending":2', '"pending":3');
    await panel
      .locator('input[type=file]')
      .setInputFiles({ name: 'sua.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(altered)) });
    await expect.poll(() => result.textContent()).toContain('bị sửa sau khi xuất');

    // The guard's network returns: its own push finds both already there.
    await guardContext.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await guard.waitForPending(0, 30_000);
    expect(await page.getByTestId('needs-attention').count()).toBe(0);
    expect((await readCheckins(server.dataDir)).length).toBe(2);
  });
});
