/**
 * Issue 7, the device side, in Debian Chromium against the real server process: a revoked device and a
 * closed checkpoint keep what the guard recorded and say so; a full quota blocks the screen instead of
 * losing a scan; settings show storage used, the > 80 % warning and the persistent-storage answer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { launchChromium } from '../support/chromium';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { join } from 'node:path';

/** Changes the district's records the way the console would (revoke a device, close a checkpoint). */
async function districtUpdate(dataDir: string, change: 'revoke' | 'close'): Promise<void> {
  const db = openDatabase(join(dataDir, 'checkpoints.sqlite'));
  try {
    if (change === 'revoke')
      await db.updateTable('devices').set({ revoked_at: Date.now() }).where('kind', '=', 'guard').execute();
    else await db.updateTable('checkpoints').set({ status: 'closed' }).where('code', '=', 'TS-DL-001').execute();
  } finally {
    await db.destroy();
  }
}

/** Ages the cached device configuration so the next start fetches it again (instead of waiting 10 minutes). */
async function ageDeviceConfig(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tram-qr');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const store = tx.objectStore('meta');
          const get = store.get('deviceConfig');
          get.onsuccess = () => {
            const row = get.result as { key: string; value: { fetchedAt: number } } | undefined;
            if (row) store.put({ ...row, value: { ...row.value, fetchedAt: 0 } });
          };
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Storage nearly full (850 of 1,000 MB), not persisted, and saves that fail with a full quota on demand. */
const STORAGE_SCRIPT = `(() => {
  const storage = navigator.storage;
  storage.estimate = async () => ({ usage: 850 * 1024 * 1024, quota: 1000 * 1024 * 1024 });
  storage.persisted = async () => false;
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (...args) {
    if (self.__quotaFull && this.name === 'outbox') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return add.apply(this, args);
  };
})();`;

describe('device standing and storage warnings', () => {
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

  async function enrolledGuard(init?: string): Promise<{ server: ServerProcess; page: Page; guard: GuardPage }> {
    const server = await startServerProcess();
    servers.push(server);
    const context = await browser.newContext();
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    return { server, page, guard: await GuardPage.enrol(page, server) };
  }

  async function typeIn(page: Page, name: string): Promise<void> {
    const form = page.getByTestId('manual-form');
    await form
      .waitFor({ timeout: 3_000 })
      .catch(() => page.getByRole('button', { name: /Nhập tay|Type details/ }).click());
    await form.locator('input[name="name"]').fill(name);
    await form.getByRole('button', { name: /Ghi nhận vào chốt|Check in/ }).click();
  }

  it('a revoked device delivers what it recorded before, then wipes itself and sends the guard to paper', async () => {
    const { server, page, guard } = await enrolledGuard();
    await server.stop();
    await guard.typeIn('Nguyễn Văn An');
    await guard.typeIn('Lê Thị Bình');
    await guard.waitForPending(2);

    // The revocation comes a while later: the server's clock correction counts the request's latency as
    // clock offset, so a check-in taken within that latency of the revocation could fall on either side.
    await new Promise((r) => setTimeout(r, 2_000));
    await districtUpdate(server.dataDir, 'revoke');
    await new Promise((r) => setTimeout(r, 2_000));
    // Taken after the revocation, before the device could know of it.
    await guard.typeIn('Trần Văn Cường');
    await guard.waitForPending(3);
    await server.restart();
    await ageDeviceConfig(page);
    await page.reload();

    // The device sends what it holds; the server keeps what was recorded before the revocation (flagged)
    // and refuses the rest; then everything on the device goes, and the screen says so.
    await page.getByTestId('device-wiped').waitFor({ timeout: 30_000 });
    const banner = page.getByTestId('device-standing');
    expect(await banner.getAttribute('data-wiped')).toBe('true');
    expect(await banner.getAttribute('data-kind')).toBe('wiped');
    expect(await banner.textContent()).toContain('thu hồi');
    expect(await banner.textContent()).toContain('đã được xoá');
    expect(await page.getByTestId('device-wiped').textContent()).toContain('phiếu giấy');
    const stored = await readCheckins(server.dataDir);
    expect(stored.map((c) => c.person.name).sort()).toEqual(['Lê Thị Bình', 'Nguyễn Văn An']);
    expect(stored.every((c) => c.fromRevokedDevice === true)).toBe(true);
    // Nothing personal is left in the origin's storage: no check-ins, no names, no keys.
    const left = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tram-qr');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const req = db.transaction(store).objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
        });
      const meta = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction('meta').objectStore('meta').getAllKeys();
        req.onsuccess = () => resolve(req.result);
      });
      return { checkins: await count('checkins'), outbox: await count('outbox'), names: await count('names'), meta };
    });
    expect(left).toMatchObject({ checkins: 0, outbox: 0, names: 0 });
    expect(left.meta).not.toContain('districtKey');
    expect(left.meta).not.toContain('deviceKey');
    expect(await page.getByTestId('manual-form').count()).toBe(0);
  });

  it('a closed checkpoint says so and still delivers every check-in taken', async () => {
    const { server, page, guard } = await enrolledGuard();
    await server.stop();
    await guard.typeIn('Phạm Thị Dung');
    await guard.waitForPending(1);

    await districtUpdate(server.dataDir, 'close');
    await server.restart();
    await ageDeviceConfig(page);
    await page.reload();
    const banner = page.locator('[data-testid="device-standing"][data-closed="true"]');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute('data-kind')).toBe('closed');
    expect(await banner.textContent()).toContain('đóng');
    // Every tab of the guard's screen says it, not only the scan tab (and the settings page, below).
    for (const tab of ['Hôm nay', 'Khai hộ', 'Phiếu giấy', 'Quét']) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await page.locator(`a[aria-current="page"]`, { hasText: tab }).waitFor();
      await banner.waitFor({ timeout: 5_000 });
    }
    await guard.waitForPending(0, 30_000);
    expect((await readCheckins(server.dataDir)).map((c) => c.person.name)).toEqual(['Phạm Thị Dung']);
    await page.getByRole('link', { name: /Cài đặt/ }).click();
    await page.getByTestId('settings').waitFor();
    await banner.waitFor({ timeout: 5_000 });
  });

  it('storage: warns above 80 %, shows it in settings, and blocks the screen when a save hits the quota', async () => {
    const { server, page, guard } = await enrolledGuard(STORAGE_SCRIPT);
    await page.getByTestId('storage-nearly-full').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('storage-nearly-full').textContent()).toContain('85 %');

    await page.evaluate(() => ((self as unknown as { __quotaFull: boolean }).__quotaFull = true));
    await typeIn(page, 'Hoàng Văn Em');
    const warning = page.getByTestId('storage-warning');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.getAttribute('data-kind')).toBe('quota');
    expect(await warning.textContent()).toContain('CHƯA được lưu');
    expect(await page.getByTestId('last-scan').textContent()).toContain('Không lưu được');
    await warning.getByRole('button').click();
    await warning.waitFor({ state: 'detached' });
    await guard.waitForPending(0);

    // Space freed: the same person is checked in and reaches the server.
    await page.evaluate(() => ((self as unknown as { __quotaFull: boolean }).__quotaFull = false));
    await typeIn(page, 'Hoàng Văn Em');
    await guard.waitForPending(0, 20_000);
    await expect
      .poll(async () => (await readCheckins(server.dataDir)).map((c) => c.person.name))
      .toEqual(['Hoàng Văn Em']);

    await page.getByRole('link', { name: /Cài đặt|Settings/ }).click();
    await page.getByTestId('settings').waitFor();
    // The screen reads the Storage API after it renders: wait for the figure.
    await page.getByTestId('storage-used').filter({ hasText: '850,0 MB' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('storage-used').textContent()).toContain('85 %');
    expect(await page.getByTestId('persisted').getAttribute('data-persisted')).toBe('false');
    await page.getByTestId('enrolment').filter({ hasText: 'TS-DL-001' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('settings').textContent()).toContain('Bộ nhớ sắp đầy');
  });
});
