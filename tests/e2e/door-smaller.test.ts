/**
 * Issue 12, the smaller items, on a 360 px phone against the real server process: "Ghi nhận cả nhóm" says who
 * was recorded; "Hôm nay" checks one person out. (The card's dates in words, never ISO: guard-station and
 * door-risk.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

describe('smaller guard items', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let guard: GuardPage;

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    guard = new GuardPage(page);
    await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page.waitForURL('**/guard');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('confirms a group check-in with the names, then checks one person out from "Hôm nay"', async () => {
    const manual = page.getByTestId('manual-form');
    await manual.waitFor({ timeout: 5_000 }).catch(() => page.getByRole('button', { name: 'Nhập tay' }).click());
    await manual.locator('input[name="name"]').fill('Bùi Văn Long');
    await manual.getByRole('button', { name: /Ghi nhận vào chốt/ }).click();
    await guard.waitForLastName('Bùi Văn Long');
    await page.getByRole('button', { name: /Người đi cùng/ }).click();
    const form = page.getByTestId('companions-form');
    await form.locator('input[name="name"]').first().fill('Bùi Thị Na');
    await form.getByRole('button', { name: 'Thêm một người' }).click();
    await form.locator('input[name="name"]').nth(1).fill('Lê Thị Sen');
    await form.getByRole('button', { name: 'Ghi nhận cả nhóm' }).click();
    const saved = page.getByTestId('group-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Đã ghi nhận 2 người đi cùng Bùi Văn Long: Bùi Thị Na, Lê Thị Sen');
    await guard.waitForPending(0, 30_000);
    const ins = (await readCheckins(server.dataDir)).filter((c) => c.kind === 'in');
    const lead = ins.find((c) => c.person.name === 'Bùi Văn Long')!;
    expect(
      ins
        .filter((c) => c.groupId === lead.id)
        .map((c) => c.person.name)
        .sort(),
    ).toEqual(['Bùi Thị Na', 'Lê Thị Sen']);

    await page.getByRole('navigation').getByRole('link', { name: 'Hôm nay' }).click();
    const row = page.getByTestId('today-row').filter({ hasText: 'Lê Thị Sen' });
    await row.getByTestId('check-out-one').click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận RA cho Lê Thị Sen' }).waitFor();
    await expect.poll(() => row.getByTestId('check-out-one').count()).toBe(0);
    await guard.waitForPending(0, 30_000);
    const sen = ins.find((c) => c.person.name === 'Lê Thị Sen')!;
    const outs = (await readCheckins(server.dataDir)).filter((c) => c.kind === 'out');
    expect(outs.map((o) => o.ref)).toEqual([sen.id]);
    // The others are still inside: their own buttons remain.
    expect(await page.getByTestId('check-out-one').count()).toBe(2);
  });
});
