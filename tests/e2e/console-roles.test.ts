/**
 * Issue 12, "no dead ends" (Chromium, real server process): each role's navigation holds exactly the pages
 * it may use; every one of them loads (no "Đang tải…" forever, no refusal); a page outside the role says so
 * in words; the tracer starts at the person search.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const PASSWORD = 'mot-cau-mat-khau-du-dai-2026';

/** The pages each role should find in its navigation, in order. */
const EXPECTED: Record<'admin' | 'officer' | 'tracer', string[]> = {
  admin: [
    '/console',
    '/console/checkpoints',
    '/console/devices',
    '/console/units',
    '/console/questionnaire',
    '/console/users',
    '/console/audit',
    '/console/tracing',
    '/console/outbreak',
    '/console/outbreak/calls',
    '/console/outbreak/chain',
    '/console/outbreak/report',
  ],
  officer: [
    '/console',
    '/console/checkpoints',
    '/console/devices',
    '/console/outbreak/calls',
    '/console/outbreak/report',
  ],
  tracer: [
    '/console/tracing',
    '/console/outbreak',
    '/console/outbreak/calls',
    '/console/outbreak/chain',
    '/console/outbreak/report',
  ],
};

describe('console navigation by role', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess();
    createAccountWithCli(server.dataDir, 'quantri', PASSWORD);
    createAccountWithCli(server.dataDir, 'canbo.danluc', PASSWORD, ['--role', 'officer', '--unit', 'TS-DL']);
    createAccountWithCli(server.dataDir, 'truyvet', PASSWORD, ['--role', 'tracer']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function signedIn(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await new ConsolePage(page, server.url).signIn(username, PASSWORD);
    return page;
  }

  /** Opens a page from the navigation and waits until it has loaded what it shows. */
  async function expectLoads(page: Page, path: string): Promise<void> {
    await page.locator(`nav a[href="${path}"]`).click();
    await page.waitForURL(`**${path}`);
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000, message: path })
      .not.toContain('Đang tải…');
    expect(await page.getByTestId('not-for-you').count(), path).toBe(0);
    expect(await page.locator('.error').count(), `${path}: ${await page.locator('.error').allTextContents()}`).toBe(0);
  }

  for (const [username, role] of [
    ['quantri', 'admin'],
    ['canbo.danluc', 'officer'],
    ['truyvet', 'tracer'],
  ] as const) {
    it(`gives the ${role} exactly its pages, and each of them loads`, async () => {
      const page = await signedIn(username);
      const hrefs = await page
        .locator('nav a[href^="/console"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(EXPECTED[role]);
      for (const path of EXPECTED[role]) await expectLoads(page, path);
    });
  }

  it('says in words that a page is not for this account, and starts the tracer at the search', async () => {
    const officer = await signedIn('canbo.danluc');
    for (const path of ['/console/users', '/console/questionnaire', '/console/audit', '/console/tracing']) {
      await officer.goto(`${server.url}${path}`);
      await officer.getByTestId('not-for-you').waitFor({ timeout: 10_000 });
      expect(await officer.getByTestId('not-for-you').textContent()).toContain(
        'Trang này không dành cho tài khoản của bạn.',
      );
    }
    const tracer = await signedIn('truyvet');
    await tracer.goto(`${server.url}/console`);
    await tracer.locator('input[name=name]').waitFor({ timeout: 10_000 });
    expect(await tracer.getByTestId('not-for-you').count()).toBe(0);
  });
});
