/**
 * Takes the screenshots of the Vietnamese user guide (docs/img/*.png) and the README's dashboard:
 * starts the real server on a fresh demo data directory, creates an administrator with the CLI,
 * generates 30 days of activity through the API, then walks the console and the guard app in
 * Debian Chromium. Run after `npm run build`: `npx tsx scripts/screenshots.ts`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDatabase } from '../src/server/db/database';
import { launchChromium } from '../tests/support/chromium';
import { ConsolePage, createAccountWithCli } from '../tests/support/console-page';
import { writeQrVideo } from '../tests/support/fake-camera';
import { GuardPage } from '../tests/support/guard-page';
import { removeDataDir, startServerProcess } from '../tests/support/server-process';
import { buildServerBundle } from '../tests/support/build-server';
import { apiSignIn, generateDemoActivity } from './demo-activity';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'img');
const PASSWORD = 'mat-khau-demo-2021';
const CCCD =
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';

if (!existsSync(join(ROOT, 'dist', 'console.html'))) {
  console.error('dist/console.html is missing: run `npm run build` first');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'tramqr-shots-'));
const video = join(work, 'camera.y4m');
await writeQrVideo(video, [CCCD], { framesPerCode: 5 });

buildServerBundle();
const server = await startServerProcess();
const browser = await launchChromium({ fakeVideo: video });
const shot = async (page: Page, name: string, fullPage = false) => {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`docs/img/${name}.png`);
};

try {
  createAccountWithCli(server.dataDir, 'quantri', PASSWORD, ['--name', 'Trần Văn Quản']);
  const pushed = await generateDemoActivity(server.url, await apiSignIn(server.url, 'quantri', PASSWORD));
  console.log(`demo activity: ${pushed} check-ins`);
  // The Minh Sơn device stopped syncing when its last check-ins were made (12 days ago): say so in the
  // database, as a server that had been running would have recorded it.
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  const minhSon = await db
    .selectFrom('checkpoints')
    .select('id')
    .where('code', '=', 'TS-MS-001')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('devices')
    .set({ last_sync_at: Date.now() - 12 * 86_400_000, pending_reported: 37 })
    .where('checkpoint_id', '=', minhSon.id)
    .execute();
  await db.destroy();

  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const official = new ConsolePage(page, server.url);

  await page.goto(`${server.url}/console`);
  await page.fill('input[name=username]', 'quantri');
  await shot(page, 'dang-nhap');
  await official.signIn('quantri', PASSWORD);
  await official.dashboard();
  await shot(page, 'dashboard', true);

  await page.goto(`${server.url}/console/checkpoints`);
  await page.getByTestId('checkpoint-table').waitFor();
  await shot(page, 'chot-danh-sach');
  await page.getByTestId('new-checkpoint').click();
  const form = page.getByTestId('checkpoint-form');
  await form.locator('select[name=unitId]').selectOption({ label: 'Xã Thọ Dân' });
  await form.locator('input[name=name]').fill('Trường THCS Thọ Dân');
  await form.locator('select[name=type]').selectOption('school');
  await form.locator('input[name=address]').fill('Thôn 4, xã Thọ Dân, huyện Triệu Sơn');
  await form.locator('input[name=contactName]').fill('Lê Thị Thu');
  await form.locator('input[name=contactPhone]').fill('0912 345 699');
  await form.locator('input[name=openingHours]').fill('6:30–17:00, thứ Hai–thứ Bảy');
  await shot(page, 'chot-them-moi');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/console\/checkpoints\/[0-9a-f-]{36}$/);
  const checkpointId = page.url().split('/').pop() ?? '';
  const link = await official.createEnrolLink();
  await shot(page, 'thiet-bi-dang-ky');

  await page.goto(`${server.url}/console/posters/${checkpointId}`);
  await page.getByTestId('poster').waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 820, height: 1160 });
  await shot(page, 'ap-phich');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 860 });

  await page.goto(`${server.url}/console/checkpoints/${checkpointId}`);
  await page.getByTestId('create-door-link').click();
  const doorLink = (await page.getByTestId('door-link').getAttribute('href')) ?? '';
  const tablet = await browser.newContext({
    viewport: { width: 800, height: 1000 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const doorPage = await tablet.newPage();
  await doorPage.goto(doorLink.replace(/^https?:\/\/[^/]+/, server.url));
  await doorPage.getByTestId('door-screen').waitFor();
  await shot(doorPage, 'man-hinh-cua');
  await tablet.close();

  // A guard phone enrols from the link and scans a citizen ID card.
  const phone = await browser.newContext({
    viewport: { width: 400, height: 820 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const guardPage = await phone.newPage();
  const guard = new GuardPage(guardPage);
  await guardPage.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
  await guardPage.waitForURL('**/guard');
  await guard.waitForLastName('Nguyễn Văn An');
  await guard.waitForPending(0);
  await shot(guardPage, 'bao-ve-quet');
  await phone.close();

  await page.goto(`${server.url}/console/devices`);
  await page.getByTestId('device-table').waitFor();
  await shot(page, 'thiet-bi-danh-sach');
  await page.goto(`${server.url}/console/questionnaire`);
  await page.getByTestId('questionnaire-version').waitFor();
  await shot(page, 'to-khai');
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
  rmSync(work, { recursive: true, force: true });
}
console.log('screenshots done');
