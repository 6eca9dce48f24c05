/**
 * Self check-in at a checkpoint poster, offline: the app (installed, service worker in control) verifies
 * the poster's signature without the network, queues the check-in, and sends it once the server is back.
 * Forged or altered poster links are refused offline and queue nothing.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import { launchChromium } from '../support/chromium';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';

/** Signs a poster link for a demo checkpoint with the server's own key (what the officials' console prints). */
async function posterLink(server: ServerProcess, checkpointCode: string): Promise<string> {
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  try {
    const cp = await findCheckpointByCode(db, checkpointCode);
    if (!cp) throw new Error(`no checkpoint ${checkpointCode}`);
    const signer = await loadPosterSigner(db, server.url, Date.now());
    return signer.url({ code: cp.code, checkpointId: cp.id, name: cp.name });
  } finally {
    await db.destroy();
  }
}

describe('visitor: poster check-in offline', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let visitor: VisitorPage;
  let link: string;

  beforeAll(async () => {
    server = await startServerProcess();
    link = await posterLink(server, 'TS-DL-001');
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    visitor = new VisitorPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('opens the poster link offline, checks the family in, and delivers once when the server returns', async () => {
    await visitor.createSelf(server.url, {
      name: 'Nguyễn Thị Hoa',
      birth: '1987',
      gender: 'female',
      phone: '0912345678',
    });
    await page.getByRole('button', { name: /Thêm người trong gia đình/ }).click();
    await visitor.saveProfile({ name: 'Trần Minh Khang', birth: '2016', gender: 'male' });
    await page.getByTestId('visitor-home').waitFor();
    await visitor.declare('Nguyễn Thị Hoa');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await visitor.waitForPosterKey();

    await server.stop();
    await page.goto(link);
    await expect.poll(() => page.getByTestId('poster-name').textContent()).toBe('UBND xã Dân Lực');
    // Khang has no declaration today: the first step says so; the family goes on without one for him.
    expect(await page.locator('[data-testid=declare-first-member][data-state=today]').count()).toBe(1);
    await page.getByTestId('declare-first-continue').click();
    await page.locator('input[name="member"]').nth(1).check();
    await page.getByTestId('checkin-button').click();
    await page.getByTestId('checkin-done').waitFor();
    await visitor.waitForPending(2);

    // Still offline after a reload: nothing is lost and nothing is sent twice.
    await page.reload();
    await page.getByTestId('self-checkin').waitFor();
    expect(await visitor.selfCheckInCount()).toBe(2);
    expect(await readCheckins(server.dataDir)).toHaveLength(0);

    await server.restart();
    await page.goto(`${server.url}/me/visits`);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await visitor.waitForPending(0, 30_000);

    const stored = await readCheckins(server.dataDir);
    expect(stored).toHaveLength(2);
    const hoa = stored.find((c) => c.person.name === 'Nguyễn Thị Hoa');
    const khang = stored.find((c) => c.person.name === 'Trần Minh Khang');
    expect(hoa).toMatchObject({
      source: 'self',
      kind: 'in',
      person: { birthYear: 1987, gender: 'female', phone: '0912345678' },
    });
    expect(hoa?.declaration?.answers).toMatchObject({ consent: true, fever: false });
    expect(khang).toMatchObject({ source: 'self', kind: 'in', declaration: null, person: { birthYear: 2016 } });
    expect(hoa?.groupId).toBeTruthy();
    expect(khang?.groupId).toBe(hoa?.groupId);
    expect(new Set(stored.map((c) => c.checkpointId)).size).toBe(1);
  });

  it('refuses forged or altered poster links offline and queues nothing', async () => {
    await server.stop();
    const before = await visitor.selfCheckInCount();
    const url = new URL(link.replace(/^https?:\/\/[^/]+/, server.url));
    const renamed = new URL(url);
    renamed.searchParams.set('n', 'Chốt giả mạo');
    const recoded = new URL(url);
    recoded.pathname = '/c/TS-DL-999';
    const resigned = new URL(url);
    const sig = url.searchParams.get('s')!;
    resigned.searchParams.set('s', (sig.startsWith('A') ? 'B' : 'A') + sig.slice(1));
    for (const forged of [renamed, recoded, resigned]) {
      await page.goto(forged.toString());
      const refusal = page.getByTestId('poster-refused');
      await refusal.waitFor();
      expect(await refusal.getAttribute('data-reason')).toBe('forged');
      expect(await page.getByTestId('checkin-button').count()).toBe(0);
    }
    expect(await visitor.selfCheckInCount()).toBe(before);
    await server.restart();
  });
});
