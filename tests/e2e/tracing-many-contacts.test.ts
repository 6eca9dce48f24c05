/**
 * A case at a busy market: 620 people overlapped it. The tracer's F1 heading counts all of them, the table shows the
 * 500 most exposed first and says the list goes on (and that the exports hold it all), and "show more" brings the
 * rest; sorting the other way shows the least exposed first. Real server process, real Chromium.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH, type CheckIn } from '../../src/shared/protocol';
import { enrolKeyed, type KeyedEnrolment } from '../support/device-key';
import { pushOnce } from '../support/sim-device';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { issueEnrolmentCode } from '../../src/server/services/enrolment';
import { launchChromium } from '../support/chromium';
import { ConsolePage } from '../support/console-page';
import { removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { createAccount, PASSWORD } from '../server/console-helpers';

const MIN = 60_000;
const CONTACTS = 620;
const idOf = (n: number) => `0381${String(n).padStart(8, '0')}`;

let server: ServerProcess;
let browser: Browser;
let page: Page;

/** Pushes the check-ins as a signed guard device, one full batch at a time. */
async function pushAll(device: KeyedEnrolment, items: CheckIn[]): Promise<void> {
  for (let i = 0; i < items.length; i += MAX_BATCH) {
    expect(await pushOnce(server.url, device, items.slice(i, i + MAX_BATCH))).not.toBeNull();
  }
}

beforeAll(async () => {
  server = await startServerProcess();
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  const code = await issueEnrolmentCode(db, (await findCheckpointByCode(db, 'TS-DL-001'))!.id, Date.now());
  await createAccount(db, 'truyvet', 'tracer');
  await db.destroy();
  const guard = await enrolKeyed(server.url, code, 'e2e', 'e2e');
  const t0 = Date.now() - 30 * 60 * MIN; // yesterday
  const visit = (idNumber: string, name: string, at: number): CheckIn => ({
    id: uuidv7(),
    checkpointId: guard.checkpoint.id,
    kind: 'in',
    source: 'cccd',
    deviceTime: at,
    person: { name, idNumber },
  });
  const caseIn = visit('038095000001', 'Nguyễn Văn Án', t0);
  // Contact n arrives 15 min + n × 5 s after the case (60-minute default stay, 15-minute buffer): the later, the
  // shorter the overlap, from 60 minutes down to about 8.
  const contacts = Array.from({ length: CONTACTS }, (_, n) => visit(idOf(n), `Khách ${n}`, t0 + 15 * MIN + n * 5_000));
  await pushAll(guard, [
    caseIn,
    { ...visit('038095000001', 'Nguyễn Văn Án', t0 + 60 * MIN), kind: 'out', ref: caseIn.id },
    ...contacts,
  ]);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

const names = () => page.getByTestId('trace-f1').locator('tbody tr td:first-child').allTextContents();
const minutes = async () =>
  (await page.getByTestId('trace-f1').locator('tbody tr td.num').allTextContents()).map(Number);
const descending = (xs: number[]) => xs.every((x, i) => i === 0 || (xs[i - 1] ?? x) >= x);

describe('a trace with more contacts than one screen', () => {
  it('shows the 500 most exposed, says how many more there are, and shows them on request', async () => {
    await new ConsolePage(page, server.url).signIn('truyvet', PASSWORD);
    await page.goto(`${server.url}/console/tracing`);
    await page.fill('input[name=id]', '038095000001');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).click();
    await page.getByRole('button', { name: 'Truy vết', exact: true }).click();
    await page.getByTestId('trace-f1').waitFor();

    expect(await page.getByRole('heading', { name: /^F1/ }).textContent()).toBe(`F1: ${CONTACTS} người`);
    const shown = await minutes();
    expect(shown).toHaveLength(500);
    expect(shown[0]).toBe(60); // the most exposed first
    expect(descending(shown)).toBe(true);
    const more = page.getByTestId('trace-f1-more');
    expect(await more.textContent()).toContain(
      `Đang hiển thị 500/${CONTACTS} người. Tệp Excel và CSV có đầy đủ danh sách.`,
    );
    // 120 left: one button for all of them, not two that do the same
    expect(await more.getByRole('button').allTextContents()).toEqual([`Hiển thị tất cả ${CONTACTS} người`]);

    await page.getByRole('button', { name: 'Số phút tiếp xúc' }).click(); // least exposed first
    const ascending = await minutes();
    expect(ascending[0]).toBe(Math.min(...ascending));
    expect(ascending[0]).toBeLessThan(Math.min(...shown)); // not the same 500 turned round

    await more.getByRole('button', { name: `Hiển thị tất cả ${CONTACTS} người` }).click();
    await more.waitFor({ state: 'detached' });
    expect(new Set(await names()).size).toBe(CONTACTS);
    expect((await minutes()).at(-1)).toBe(60);
  }, 120_000);

  it('shows each contact as a card on a 360 px phone, its lines named, and the sort still there', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const row = page.getByTestId('trace-f1').locator('tbody tr').first();
    const name = await row.locator('td').first().boundingBox();
    const overlap = row.locator('td.num');
    const box = await overlap.boundingBox();
    expect(box && name && box.y >= name.y + name.height - 1).toBe(true); // under the name, not beside it
    expect(box?.width).toBeGreaterThan(280);
    expect(await overlap.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Số phút tiếp xúc: "');
    expect(await page.getByRole('button', { name: 'Số phút tiếp xúc' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await overlap.boundingBox();
    expect(wide && wide.x > 600).toBe(true); // a table again on a laptop: the minutes in their column
  });
});
