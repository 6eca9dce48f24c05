/**
 * Risk warnings on visitors' phones: two visitors check themselves in at a checkpoint poster; a
 * tracer publishes a notice whose window covers the first visit and ends before the second. After
 * its next sync the first phone shows the warning; the second does not. Nothing about either visitor
 * is sent to fetch notices (a plain GET).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACING_API } from '../../src/shared/tracing-api';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import { launchChromium } from '../support/chromium';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';
import { createAccount, PASSWORD } from '../server/console-helpers';

let server: ServerProcess;
let browser: Browser;
let link: string;
let checkpointId: string;

async function visitorCheckIn(context: BrowserContext, name: string, phone: string): Promise<Page> {
  const page = await context.newPage();
  const visitor = new VisitorPage(page);
  await visitor.createSelf(server.url, { name, birth: '1990', gender: 'female', phone });
  await page.goto(link);
  await visitor.skipDeclareFirst();
  await page.getByTestId('checkin-button').click();
  await page.getByTestId('checkin-done').waitFor();
  await page.goto(`${server.url}/me/visits`);
  await visitor.waitForPending(0, 30_000);
  return page;
}

beforeAll(async () => {
  server = await startServerProcess();
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  const cp = await findCheckpointByCode(db, 'TS-DL-001');
  if (!cp) throw new Error('no demo checkpoint');
  checkpointId = cp.id;
  link = (await loadPosterSigner(db, server.url, Date.now())).url({
    code: cp.code,
    checkpointId: cp.id,
    name: cp.name,
  });
  await createAccount(db, 'truyvet', 'tracer');
  await db.destroy();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('risk notice on the visitor app', () => {
  it('warns the visitor who was there inside the window, not the one who came after it', async () => {
    const inside = await visitorCheckIn(await browser.newContext(), 'Nguyễn Thị Hoa', '0912345678');
    const [first] = await readCheckins(server.dataDir);
    if (!first) throw new Error('the first check-in did not reach the server');
    const windowEnd = first.correctedTime + 2_000;
    while (Date.now() < windowEnd + 1_000) await new Promise((r) => setTimeout(r, 200));
    const after = await visitorCheckIn(await browser.newContext(), 'Lê Thị Mai', '0912345679');

    // The tracer publishes a notice for the checkpoint from an hour before the first visit until just after it.
    const login = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'truyvet', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const published = await fetch(`${server.url}${TRACING_API.notices}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        windows: [{ checkpointId, start: first.correctedTime - 3_600_000, end: windowEnd }],
        instructions: 'Hãy ở nhà và gọi trạm y tế xã Dân Lực.',
      }),
    });
    expect(published.status).toBe(201);

    // Next time each app is online it fetches the notices and compares them on the phone.
    for (const page of [inside, after]) {
      const fetched = page.waitForResponse((r) => r.url().endsWith('/api/notices') && r.status() === 200);
      await page.goto(`${server.url}/`);
      await fetched;
    }
    const banner = inside.getByTestId('risk-notice');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Hãy ở nhà và gọi trạm y tế xã Dân Lực.');
    expect(await banner.textContent()).toContain('UBND xã Dân Lực');
    await after.getByTestId('visitor-home').waitFor();
    await after.waitForTimeout(1_000);
    expect(await after.getByTestId('risk-notice').count()).toBe(0);
  });
});
