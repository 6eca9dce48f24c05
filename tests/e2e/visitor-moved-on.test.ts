/**
 * Issue 12, "a visitor can be inside two checkpoints at once": a visitor checks in at the commune office's
 * poster, then at the market's 20 minutes of phone time later without checking out, both while the server
 * is out of reach. The visitor's own list
 * says the first visit ended on entering the market, and the server's tracing ends the first stay there
 * (so the person counts toward one checkpoint's overlap at a time). Real server process, Chromium at 360 px.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { searchPersons } from '../../src/server/tracing/person-search-repo';
import { traceCase } from '../../src/server/tracing/tracing-service';
import { launchChromium } from '../support/chromium';
import { posterLinkFor } from '../support/poster-link';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';

const NAME = 'Mai Thị Đi Chợ';
const MIN = 60_000;

describe('a visitor who moves on without checking out', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  /** Opens a poster's link and checks the household in, its declaration already done today. */
  const checkInAt = async (code: string) => {
    await page.goto(await posterLinkFor(server, code));
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-done').waitFor();
  };

  it('ends the office visit on entering the market, on the phone and in tracing', async () => {
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, { name: NAME, birth: '1984', phone: '0913 444 555' });
    await visitor.declare(NAME);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await visitor.waitForPosterKey();
    // Out of reach of the server for both visits, so both reach it in one push with one clock correction.
    await server.stop();
    await checkInAt('TS-DL-001');
    // Twenty minutes later by the phone's clock, the same person scans the market's poster.
    await page.clock.install({ time: Date.now() + 20 * MIN });
    await checkInAt('TS-NUA-001');
    await server.restart();

    await page.goto(`${server.url}/me/visits`);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const office = page.getByTestId('visit').filter({ hasText: 'UBND xã Dân Lực' });
    await office.waitFor();
    expect(await office.textContent()).toMatch(/Kết thúc khi vào Chợ Nưa \(\d{2}:\d{2}\)/);
    const market = page.getByTestId('visit').filter({ hasText: 'Chợ Nưa' }).filter({ hasNotText: 'UBND' });
    expect(await market.getByTestId('checkout').count()).toBe(1); // the market visit is the open one

    await expect
      .poll(async () => (await readCheckins(server.dataDir)).filter((c) => c.person.name === NAME).length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(2);
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'), { readonly: true });
    try {
      const [person] = await searchPersons(db, { name: NAME });
      const trace = await traceCase(db, {
        personKeys: [person!.personKey],
        from: Date.now() - 60 * MIN,
        to: Date.now() + 60 * MIN,
      });
      const [first, second] = [...trace.timeline].sort((a, b) => a.start - b.start);
      expect([first?.checkpointName, second?.checkpointName]).toEqual(['UBND xã Dân Lực', 'Chợ Nưa']);
      // The office stay ends where the market one starts, not after the office's 60-minute default stay.
      expect(first!.end).toBe(second!.start);
      expect(second!.start - first!.start).toBeGreaterThanOrEqual(19 * MIN);
      expect(second!.start - first!.start).toBeLessThanOrEqual(21 * MIN);
    } finally {
      await db.destroy();
    }
  });
});
