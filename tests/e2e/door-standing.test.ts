/**
 * Issue 12, "Honest device state", in Chromium on a phone-sized screen against the real server process:
 * a device revoked while it works stops saying all is well as soon as the server refuses its items;
 * a server that is down says "Không kết nối được máy chủ", and only a device without network says "Mất mạng" (once,
 * in the sync box: the standing banner keeps revoked and closed).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/server/db/database';
import { launchChromium } from '../support/chromium';
import { GuardPage } from '../support/guard-page';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function revokeGuards(dataDir: string): Promise<void> {
  const db = openDatabase(join(dataDir, 'checkpoints.sqlite'));
  try {
    await db.updateTable('devices').set({ revoked_at: Date.now() }).where('kind', '=', 'guard').execute();
  } finally {
    await db.destroy();
  }
}

describe('honest device state', () => {
  let browser: Browser;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) {
      await server.stop();
      removeDataDir(server.dataDir);
    }
  });

  async function enrolledGuard(): Promise<{ server: ServerProcess; page: Page; guard: GuardPage }> {
    const server = await startServerProcess();
    servers.push(server);
    const page = await (await browser.newContext(PHONE)).newPage();
    const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    await page.goto(`${server.url}/enrol#${link.split('#')[1] ?? ''}`);
    await page.waitForURL('**/guard', { timeout: 30_000 });
    // The guard screen itself, not only its address: stopping the server before its code arrived leaves a blank page.
    await page.locator('h1.checkpoint-name').waitFor({ timeout: 30_000 });
    return { server, page, guard: new GuardPage(page) };
  }

  async function typeIn(page: Page, name: string): Promise<void> {
    const form = page.getByTestId('manual-form');
    // Without a camera the typed form opens by itself, maybe only after the camera gave up (slow on a busy machine).
    await form
      .or(page.getByRole('button', { name: /Nhập tay|Type details/ }))
      .first()
      .waitFor({ timeout: 15_000 });
    if (!(await form.isVisible()))
      await page
        .getByRole('button', { name: /Nhập tay|Type details/ })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[name="name"]').fill(name);
    await form.getByRole('button', { name: /Ghi nhận vào chốt|Check in/ }).click();
  }

  it('a device revoked while in use shows the revoked banner, not "Đã gửi hết · Gửi thành công"', async () => {
    const { server, page, guard } = await enrolledGuard();
    await typeIn(page, 'Nguyễn Văn An');
    await guard.waitForLastName('Nguyễn Văn An');
    // Pending 0 also holds before the check-in is stored: wait for the push itself.
    await page.getByTestId('syncbar').filter({ hasText: 'Gửi thành công' }).waitFor({ timeout: 20_000 });
    await guard.waitForPending(0);
    expect(await page.getByTestId('syncbar').textContent()).toContain('Gửi thành công');

    await new Promise((r) => setTimeout(r, 1_500));
    await revokeGuards(server.dataDir); // no reload, no configuration refresh: only the next push can tell
    await typeIn(page, 'Lê Thị Bình');
    const banner = page.locator('[data-testid="device-standing"][data-kind="revoked"]');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('Thiết bị đã bị thu hồi');
    const bar = (await page.getByTestId('syncbar').textContent()) ?? '';
    expect(bar).not.toContain('Gửi thành công');
    expect(bar).not.toContain('Đã gửi hết');
    // The card of the refused person no longer claims it was recorded.
    await page.getByTestId('last-scan').filter({ hasText: 'Chỉ lưu trên máy' }).waitFor({ timeout: 5_000 });
    expect(await guard.lastScanText()).not.toContain('Đã ghi nhận');
    // The refusal is in Vietnamese words, not the server's code and English sentence.
    const attention = (await page.getByTestId('needs-attention').textContent()) ?? '';
    expect(attention).toContain('Lê Thị Bình');
    expect(attention).toContain('máy chủ không nhận lượt ghi sau thời điểm thu hồi');
    expect(attention).not.toContain('device_revoked');
    // The server kept only what came before the revocation.
    expect((await readCheckins(server.dataDir)).map((c) => c.person.name)).toEqual(['Nguyễn Văn An']);

    // Every guard screen says it: the other tabs and settings.
    for (const tab of [/Hôm nay|Today/, /Khai hộ|Declare/, /Phiếu giấy|Paper/]) {
      await page.getByRole('navigation').getByRole('link', { name: tab }).click();
      await banner.waitFor({ timeout: 5_000 });
    }
    await page.getByRole('link', { name: /Cài đặt|Settings/ }).click();
    await page.getByTestId('settings').waitFor();
    await banner.waitFor({ timeout: 5_000 });
  });

  it('server down with a network: "Không kết nối được máy chủ"; no network: "Mất mạng"', async () => {
    const { server, page, guard } = await enrolledGuard();
    await server.stop();
    await typeIn(page, 'Phạm Thị Dung');
    await guard.waitForPending(1);
    // Said once, in the sync box beside the queue (the standing banner keeps revoked and closed).
    const said = page.getByTestId('sync-error');
    await said.filter({ hasText: 'Không kết nối được máy chủ' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('main').textContent()).not.toContain('Mất mạng');
    expect(((await page.locator('main').innerText()).match(/Không kết nối được máy chủ/g) ?? []).length).toBe(1);
    expect(await page.getByTestId('device-standing').count()).toBe(0);

    await page.context().setOffline(true);
    await said.filter({ hasText: 'Mất mạng' }).waitFor({ timeout: 5_000 });
    expect(((await page.locator('main').innerText()).match(/Mất mạng/g) ?? []).length).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Không kết nối được máy chủ');

    await page.context().setOffline(false);
    await server.restart();
    await guard.waitForPending(0, 40_000);
    await said.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await readCheckins(server.dataDir)).map((c) => c.person.name)).toEqual(['Phạm Thị Dung']);
  });
});
