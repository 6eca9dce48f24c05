/**
 * The foundation, end to end in Debian Chromium against the real server process:
 * enrol from the link, scan CCCD cards through the fake camera, survive the server going away and
 * page reloads, and deliver every check-in exactly once when the server returns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const CCCD_AN =
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';
const CCCD_BINH = '038196004321||Lê Thị Bình|12031996|Nữ|Xóm 5, Xã Thọ Tân, Huyện Triệu Sơn, Thanh Hóa|04102024||||';
const CCCD_CUONG =
  '038088007777|987654321|Trần Văn Cường|05071988|Nam|Thôn Đông, Xã Hợp Thành, Huyện Triệu Sơn, Thanh Hóa|20092021';

describe('guard device: offline scanning and exactly-once sync', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let workDir: string;
  let video: string;

  /** Points the fake camera at a new picture; Chromium reads the file when the camera (re)starts. */
  const showToCamera = (code: string | null) =>
    code
      ? writeQrVideo(video, [code], { framesPerCode: 5 })
      : writeQrVideo(video, ['-'], { framesPerCode: 0, blankFrames: 3 });

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-e2e-'));
    video = join(workDir, 'camera.y4m');
    await showToCamera(null);
    server = await startServerProcess();
    browser = await launchChromium({ fakeVideo: video });
    context = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('enrols from the link and sends an online scan to the server', async () => {
    expect(server.enrolLink).toMatch(/\/enrol#/);
    await showToCamera(CCCD_CUONG);
    const page = await context.newPage();
    const guard = new GuardPage(page);
    await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page.waitForURL('**/guard');
    expect(await guard.checkpointHeading()).toContain('UBND');

    await guard.waitForLastName('Trần Văn Cường');
    await guard.waitForPending(0);
    const stored = await readCheckins(server.dataDir);
    expect(stored.map((c) => c.person.name)).toEqual(['Trần Văn Cường']);
    expect(stored[0]?.source).toBe('cccd');
    await page.close();
  });

  it('keeps scanning with the server gone, survives reloads, and delivers exactly once', async () => {
    const page = await context.newPage();
    const guard = new GuardPage(page);
    await showToCamera(null);
    await page.goto(`${server.url}/guard`);
    // The service worker is in control before the network goes away.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await guard.waitForPending(0);

    await server.stop();
    await showToCamera(CCCD_AN);
    await page.reload();
    await guard.waitForLastName('Nguyễn Văn An');
    await guard.waitForPending(1);

    await showToCamera(CCCD_BINH);
    await page.reload();
    await guard.waitForLastName('Lê Thị Bình');
    await guard.waitForPending(2);

    await showToCamera(null);
    await page.reload();
    await guard.waitForPending(2);
    // The bar still shows when the first scan was delivered (test above), not "never sent".
    expect(await page.getByTestId('last-sync').textContent()).toMatch(/^Gửi thành công lúc \d{1,2}:\d{2}/);
    expect((await readCheckins(server.dataDir)).map((c) => c.person.name)).toEqual(['Trần Văn Cường']);

    await server.restart();
    // Coming back online (the `online` event, a timer or the page becoming visible) flushes the outbox.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await guard.waitForPending(0, 30_000);

    const stored = await readCheckins(server.dataDir);
    expect(stored).toHaveLength(3);
    const an = stored.find((c) => c.person.idNumber === '038095001234');
    const binh = stored.find((c) => c.person.idNumber === '038196004321');
    expect(an).toMatchObject({
      source: 'cccd',
      kind: 'in',
      person: {
        name: 'Nguyễn Văn An',
        birthDate: '1995-01-01',
        gender: 'male',
        address: 'Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa',
      },
    });
    expect(binh).toMatchObject({
      source: 'cccd',
      person: { name: 'Lê Thị Bình', birthDate: '1996-03-12', gender: 'female' },
    });
    expect(new Set(stored.map((c) => c.id)).size).toBe(3);
    expect(an!.checkpointId).toBe(stored.find((c) => c.person.name === 'Trần Văn Cường')!.checkpointId);
    // Scanned minutes ago on a correct clock: the corrected time is close to the device time.
    expect(Math.abs(an!.correctedTime - an!.deviceTime)).toBeLessThan(5_000);
    await page.close();
  });
});
