/**
 * Issue 12, "No dead ends": every guard, visitor and console screen opened on a 360 px phone, in
 * Chromium against the real server process. The test FAILS when any screen scrolls sideways
 * (document.documentElement.scrollWidth > innerWidth) and names the screen and the widest elements.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { createAccountWithCli } from '../support/console-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { phoneOverflow } from '../support/overflow';
import { posterLinkFor } from '../support/poster-link';
import { VisitorPage } from '../support/visitor-page';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const PASSWORD = 'Ruộng lúa xanh mướt 2026!';

describe('every screen fits a 360 px phone', () => {
  let server: ServerProcess;
  let browser: Browser;
  const problems: string[] = [];
  const check = async (page: Page, screen: string) => {
    const problem = await phoneOverflow(page, screen, PHONE.viewport.width);
    if (process.env.NARROW_SHOTS)
      await page.screenshot({ path: `${process.env.NARROW_SHOTS}/${screen.replace(/\W+/g, '-')}.png`, fullPage: true });
    if (problem) problems.push(problem);
  };

  beforeAll(async () => {
    server = await startServerProcess();
    createAccountWithCli(server.dataDir, 'admin', PASSWORD, ['--name', 'Quản trị huyện']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  beforeEach(() => void problems.splice(0));

  it('guard screens', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page.waitForURL('**/guard');
    await check(page, 'guard scan');
    const form = page.getByTestId('manual-form');
    // Without a camera the typed form opens by itself; otherwise the guard taps "Nhập tay".
    await form.waitFor({ timeout: 5_000 }).catch(() => page.getByRole('button', { name: 'Nhập tay' }).click());
    await check(page, 'guard manual entry');
    await form.locator('input[name="name"]').fill('Nguyễn Thị Thanh Hương');
    await form.getByRole('button', { name: /Ghi nhận vào chốt/ }).click();
    await page.getByTestId('last-scan').waitFor();
    await check(page, 'guard scan result');
    await page.getByRole('button', { name: /Người đi cùng/ }).click();
    await page.getByRole('button', { name: 'Thêm một người' }).click();
    await check(page, 'guard companions form');
    for (const [tab, screen] of [
      ['Hôm nay', 'guard today'],
      ['Khai hộ', 'guard khai hộ'],
      ['Phiếu giấy', 'guard paper'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: tab }).click();
      await check(page, screen);
    }
    // The same sheet and row typed twice: the duplicate question fits too.
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    for (let i = 0; i < 2; i++) {
      const paper = page.getByTestId('paper-form');
      await paper.locator('input[name="sheet"]').fill('T-01');
      await paper.locator('input[name="row"]').fill('1');
      await paper.locator('input[name="date"]').fill(today);
      await paper.locator('input[name="timeIn"]').fill('00:01');
      await paper.locator('input[name="name"]').fill('Nguyễn Thị Thanh Hương');
      await paper.getByRole('button', { name: 'Nhập dòng này' }).click();
      if (i === 0) await page.getByTestId('paper-status').waitFor();
    }
    await page.getByTestId('paper-duplicate').waitFor();
    await check(page, 'guard paper duplicate');
    // A khai hộ with a symptom: the risk notice with its instruction fits.
    await page.getByRole('navigation').getByRole('link', { name: 'Khai hộ' }).click();
    const declare = page.getByTestId('declare-form');
    await declare.locator('input[name=name]').fill('Trịnh Văn Hoà');
    await declare.locator('input[name=q_cough]').check();
    await declare.locator('input[name=q_consent]').check();
    await declare.locator('button[type=submit]').click();
    await page.getByTestId('declare-risk').waitFor();
    await check(page, 'guard khai hộ risk');
    await page.getByRole('navigation').getByRole('link', { name: 'Phiếu giấy' }).click();
    await page.getByRole('button', { name: /In phiếu trống/ }).click();
    await page.getByTestId('paper-table').waitFor();
    await check(page, 'guard paper sheet (screen)');
    await page.goto(`${server.url}/settings`);
    await page.getByTestId('settings').waitFor();
    await check(page, 'guard settings');
    await page.goto(`${server.url}/enrol#NO-SUCH-CODE`);
    await page.locator('p.error').waitFor();
    await check(page, 'enrol refused');
    expect(problems).toEqual([]);
  });

  it('visitor screens', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const visitor = new VisitorPage(page);
    await page.goto(`${server.url}/`);
    await page.getByTestId('profile-form').waitFor();
    await check(page, 'visitor first profile');
    await visitor.createSelf(server.url, {
      name: 'Trịnh Thị Phương Thảo',
      birth: '1990',
      phone: '0912345678',
      address: 'Thôn 4, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa',
    });
    await check(page, 'visitor home');
    await page.getByTestId('member').first().getByRole('button').first().click();
    await page.getByTestId('declaration-form').waitFor();
    await check(page, 'visitor declaration');
    await page.getByTestId('declaration-form').locator('input[name="q_consent"]').check();
    await page.getByTestId('declaration-form').locator('button[type="submit"]').click();
    await page.getByTestId('qr-screen').waitFor();
    await check(page, 'visitor QR');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    for (const [path, screen] of [
      [`/me/card/${id}`, 'visitor A6 card'],
      ['/me/scan', 'visitor poster scanner'],
      ['/me/visits', 'visitor visits'],
      ['/me/privacy', 'visitor privacy'],
      ['/me/profile/new', 'visitor add member'],
      [`/me/profile/${id}`, 'visitor edit profile'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main').first().waitFor();
      await check(page, screen);
    }
    // A self check-in for a family where one member has not declared today: every step fits.
    await page.goto(`${server.url}/me/profile/new`);
    await visitor.saveProfile({ name: 'Trịnh Văn Bảo Nguyên', birth: '2015' });
    await page.getByTestId('visitor-home').waitFor();
    await page.goto(await posterLinkFor(server, 'TS-DL-001'));
    await page.getByTestId('declare-first').waitFor();
    await check(page, 'visitor self check-in: declare first');
    await visitor.skipDeclareFirst();
    await page.getByTestId('checkin-button').waitFor();
    await check(page, 'visitor self check-in: who comes in');
    await page.locator('input[name="member"]').nth(1).check();
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-done').waitFor();
    await check(page, 'visitor self check-in done');
    expect(problems).toEqual([]);
  });

  it('console screens', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${server.url}/console`);
    await page.locator('input[name=username]').waitFor();
    await check(page, 'console sign-in');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByTestId('headline').waitFor();
    await check(page, 'console dashboard');
    const checkpoints = await page.evaluate(
      async () => (await (await fetch('/api/admin/checkpoints')).json()) as { id: string }[],
    );
    const cp = checkpoints[0]!.id;
    for (const [path, screen] of [
      ['/console/checkpoints', 'console checkpoints'],
      ['/console/checkpoints/new', 'console new checkpoint'],
      [`/console/checkpoints/${cp}`, 'console checkpoint'],
      ['/console/devices', 'console devices'],
      ['/console/units', 'console units'],
      ['/console/questionnaire', 'console questionnaire'],
      ['/console/users', 'console users'],
      ['/console/audit', 'console audit'],
      ['/console/tracing', 'console tracing'],
      [`/console/posters/${cp}`, 'console poster'],
      ['/console/outbreak', 'console outbreak'],
      ['/console/outbreak/calls', 'console outbreak call list'],
      ['/console/outbreak/chain', 'console outbreak chain'],
      ['/console/outbreak/report', 'console outbreak report'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId('signed-in-as').waitFor();
      await page
        .waitForFunction(() => !document.body.textContent?.includes('Đang tải…'), null, { timeout: 10_000 })
        .catch(() => undefined);
      await check(page, screen);
    }
    // A trace's results: the F1 and F2 tables, the zone and the export buttons fit too.
    await expect
      .poll(async () => (await readCheckins(server.dataDir)).some((c) => c.person.name === 'Trịnh Văn Hoà'), {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(true);
    await page.goto(`${server.url}/console/tracing`);
    await page.fill('input[name=name]', 'Trịnh Văn Hoà');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).first().click();
    await page.getByRole('button', { name: 'Truy vết', exact: true }).click();
    await page.getByTestId('trace-f1').waitFor();
    await page.getByRole('button', { name: 'Tìm F2' }).click();
    await page.getByTestId('trace-f2').waitFor();
    // The case's own visit of a minute ago is in the default window (it ends at the end of this minute).
    expect(await page.getByTestId('trace-timeline').locator('tbody tr').count()).toBeGreaterThan(0);
    await check(page, 'console trace results');
    // A fresh enrolment link is long: the panel showing it fits.
    await page.goto(`${server.url}/console/checkpoints/${cp}`);
    await page.getByTestId('create-enrol-link').click();
    await page.getByTestId('enrol-link').waitFor();
    await check(page, 'console enrol link');
    expect(problems).toEqual([]);
  });
});
