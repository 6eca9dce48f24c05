/**
 * Household members in the visitor app take the household's phone and address unless changed, and a self
 * check-in of the household brings each member's phone and address to the server (tracers can call them).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/shared/protocol';
import { launchChromium } from '../support/chromium';
import { posterLinkFor } from '../support/poster-link';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';

describe('visitor household contacts', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let visitor: VisitorPage;

  /** The profiles stored on the phone, by name. */
  const stored = () =>
    page.evaluate(
      () =>
        new Promise<Record<string, Person>>((resolve, reject) => {
          const open = indexedDB.open('tram-qr');
          open.onsuccess = () => {
            const all = open.result.transaction('profiles').objectStore('profiles').getAll();
            all.onsuccess = () =>
              resolve(Object.fromEntries((all.result as { person: Person }[]).map((p) => [p.person.name, p.person])));
            all.onerror = () => reject(all.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    visitor = new VisitorPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('prefills a new member with the household phone and address, and keeps a changed phone', async () => {
    await visitor.createSelf(server.url, {
      name: 'Nguyễn Thị Hoa',
      birth: '1987',
      phone: '0912345678',
      address: 'Thôn 3, Xã Dân Lực',
    });
    await page.getByRole('button', { name: /Thêm người trong gia đình/ }).click();
    const form = page.getByTestId('profile-form');
    expect(await form.locator('input[name="phone"]').inputValue()).toBe('0912345678');
    expect(await form.locator('input[name="address"]').inputValue()).toBe('Thôn 3, Xã Dân Lực');
    expect(await page.getByTestId('household-contact').textContent()).toContain('0912345678');
    await visitor.saveProfile({ name: 'Trần Minh Khang', birth: '2016' });
    await page.getByTestId('visitor-home').waitFor();

    await page.getByRole('button', { name: /Thêm người trong gia đình/ }).click();
    await visitor.saveProfile({ name: 'Trần Văn Bảy', birth: '1950', phone: '0987000111' });
    await page.getByTestId('visitor-home').waitFor();

    const people = await stored();
    expect(people['Trần Minh Khang']).toMatchObject({ phone: '0912345678', address: 'Thôn 3, Xã Dân Lực' });
    expect(people['Trần Văn Bảy']).toMatchObject({ phone: '0987000111', address: 'Thôn 3, Xã Dân Lực' });
  });

  it('checks the household in at a poster: each member reaches the server with their phone and address', async () => {
    await visitor.waitForPosterKey();
    await page.goto(await posterLinkFor(server, 'TS-DL-001'));
    await page.getByTestId('declare-first').waitFor();
    await visitor.skipDeclareFirst();
    for (const box of await page.locator('input[name="member"]').all()) await box.check();
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-done').waitFor();
    await expect
      .poll(async () => (await readCheckins(server.dataDir)).length, { timeout: 30_000, interval: 500 })
      .toBe(3);
    const byName = Object.fromEntries((await readCheckins(server.dataDir)).map((c) => [c.person.name, c.person]));
    expect(byName['Trần Minh Khang']).toMatchObject({ phone: '0912345678', address: 'Thôn 3, Xã Dân Lực' });
    expect(byName['Trần Văn Bảy']).toMatchObject({ phone: '0987000111', address: 'Thôn 3, Xã Dân Lực' });
    expect(byName['Nguyễn Thị Hoa']).toMatchObject({ phone: '0912345678', address: 'Thôn 3, Xã Dân Lực' });
  });
});
