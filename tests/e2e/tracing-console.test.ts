/**
 * Contact tracing end to end: three guard devices (enrolled over HTTP with real tokens) push
 * overlapping and non-overlapping visits to a real server process; a tracer signs in to the console
 * in Chromium, finds the case by a name typed without diacritics, merges its two records, traces,
 * gets exactly the expected F1 and F2 lists, and downloads an XLSX whose rows are read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, PROTOCOL_VERSION, type CheckIn, type Person } from '../../src/shared/protocol';
import { enrolKeyed, signedPushHeaders, type KeyedEnrolment } from '../support/device-key';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { issueEnrolmentCode } from '../../src/server/services/enrolment';
import { launchChromium } from '../support/chromium';
import { ConsolePage } from '../support/console-page';
import { removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { createAccount, PASSWORD } from '../server/console-helpers';

const H = 3_600_000;
const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000001', birthYear: 1995 };
const CASE_NATIONAL: Person = { name: 'NGUYEN VAN AN', idMasked: '******000001', birthDate: '1995-**-**' };
const X: Person = { name: 'Lê Thị Bình', phone: '0912000002' };
const Z: Person = { name: 'Trần Văn Cường', idNumber: '038095000003' };
const R: Person = { name: 'Phạm Thị Dung', idNumber: '038095000004' };
const Y: Person = { name: 'Hoàng Văn Em', idNumber: '038095000005', phone: '0912000005' };
const W: Person = { name: 'Vũ Thị Giang', idNumber: '038095000006' };
/** A wedge scan that lost its Vietnamese letters, corrected by the guard at the door. */
const GARBLED: Person = { name: 'Trnh Vn c', idNumber: '038070000012' };
const CORRECTED: Person = { ...GARBLED, name: 'Trịnh Văn Đức' };

const SYMPTOM: CheckIn['risk'] = { status: 'current', ageDays: 0, kinds: ['symptom'], signals: ['fever'] };
const EXPOSURE: CheckIn['risk'] = { status: 'current', ageDays: 0, kinds: ['exposure'], signals: ['case_contact'] };

let server: ServerProcess;
let browser: Browser;
let page: Page;

function visit(checkpointId: string, person: Person, time: number, source: CheckIn['source'] = 'cccd'): CheckIn {
  return { id: uuidv7(), checkpointId, kind: 'in', source, deviceTime: time, person };
}

async function guard(code: string): Promise<KeyedEnrolment> {
  return enrolKeyed(server.url, code, 'e2e', 'e2e');
}

async function pushAll(device: KeyedEnrolment, items: CheckIn[], clockErrorMs = 0): Promise<void> {
  const body = JSON.stringify({
    protocol: PROTOCOL_VERSION,
    sentAt: Date.now() + clockErrorMs,
    appVersion: 'e2e',
    pending: items.length,
    items,
  });
  const res = await fetch(`${server.url}${API.push}`, {
    method: 'POST',
    headers: await signedPushHeaders(device, body, Date.now() + clockErrorMs),
    body,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = await startServerProcess();
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  const codes: string[] = [];
  for (const code of ['TS-DL-001', 'TS-NUA-001', 'TS-TTA-001'])
    codes.push(await issueEnrolmentCode(db, (await findCheckpointByCode(db, code))!.id, Date.now()));
  await createAccount(db, 'truyvet', 'tracer');
  await db.destroy();
  const [a, b, c] = [await guard(codes[0]!), await guard(codes[1]!), await guard(codes[2]!)];

  const t0 = Date.now() - 30 * H; // yesterday, whole hours apart
  const caseIn = visit(a.checkpoint.id, CASE, t0);
  await pushAll(a, [
    caseIn,
    { ...visit(a.checkpoint.id, CASE, t0 + H), kind: 'out', ref: caseIn.id },
    visit(a.checkpoint.id, X, t0 + 0.5 * H, 'paper'), // F1
    visit(a.checkpoint.id, Z, t0 + 3 * H), // not a contact
  ]);
  const garbled = visit(a.checkpoint.id, GARBLED, t0 + 20 * H); // not a contact either
  await pushAll(a, [
    garbled,
    { ...visit(a.checkpoint.id, CORRECTED, t0 + 20 * H + 60_000), kind: 'fix', ref: garbled.id },
  ]);
  await pushAll(b, [visit(b.checkpoint.id, X, t0 + 4 * H, 'paper'), visit(b.checkpoint.id, R, t0 + 4.5 * H)]); // R: F2 via X
  const slow = -2 * H; // guard C's clock runs two hours slow
  await pushAll(
    c,
    [
      visit(c.checkpoint.id, CASE_NATIONAL, t0 + 6 * H + slow, 'national_qr'), // the case, 240-min default stay
      // F1 once the records are merged; declared a fever at the door
      { ...visit(c.checkpoint.id, Y, t0 + 7 * H + slow), risk: SYMPTOM },
      // F2 via Y; declared contact with a case
      { ...visit(c.checkpoint.id, W, t0 + 10 * H + 50 * 60_000 + slow), risk: EXPOSURE },
    ],
    slow,
  );
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

const names = (testId: string) => page.getByTestId(testId).locator('tbody tr td:first-child').allTextContents();

describe('tracer console', () => {
  it('finds, merges, traces F1 and F2 and exports an XLSX that reads back', async () => {
    await new ConsolePage(page, server.url).signIn('truyvet', PASSWORD);
    await page.goto(`${server.url}/console/tracing`);
    await page.fill('input[name=name]', 'nguyen  VAN an');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const persons = page.getByTestId('trace-persons');
    await persons.waitFor();
    expect(await persons.locator('tbody tr').count()).toBe(2);

    for (const box of await persons.locator('input[type=checkbox]').all()) await box.check();
    await page.getByRole('button', { name: /Gộp các hồ sơ/ }).click();
    await expect.poll(() => persons.locator('tbody tr').first().textContent()).toContain('đã gộp 2 hồ sơ');

    await persons.getByRole('button', { name: 'Truy vết người này' }).first().click();
    await page.getByRole('button', { name: 'Truy vết', exact: true }).click();
    await page.getByTestId('trace-f1').waitFor();
    expect(await page.getByTestId('trace-timeline').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('trace-timeline').textContent()).toContain('Đã chỉnh giờ thiết bị');
    // Sources in words, never the code the protocol uses ("cccd").
    expect(await page.getByTestId('trace-timeline').textContent()).toContain('Căn cước công dân');
    expect(await page.getByTestId('trace-timeline').textContent()).not.toMatch(/\bcccd\b/);
    expect(await names('trace-f1')).toEqual(['Hoàng Văn Em', 'Lê Thị Bình']);

    await page.getByRole('button', { name: 'Tìm F2' }).click();
    await page.getByTestId('trace-f2').waitFor();
    expect((await names('trace-f2')).sort()).toEqual(['Phạm Thị Dung', 'Vũ Thị Giang']);
    // Each F2 row names the F1 it came through.
    const via = await page
      .getByTestId('trace-f2')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('td')?.textContent ?? '',
          r.querySelector('[data-testid=via]')?.textContent ?? '',
        ]),
      );
    expect(via.sort()).toEqual([
      ['Phạm Thị Dung', 'Lê Thị Bình'],
      ['Vũ Thị Giang', 'Hoàng Văn Em'],
    ]);
    expect(await page.getByTestId('trace-zone').count()).toBe(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click();
    const file = await (await download).path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Danh sách F1');
    // Line 1 is the title, line 2 the headers.
    const rows = [3, 4].map((n) => (sheet?.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[1], r[4]])).toEqual([
      ['Hoàng Văn Em', '0912000005'],
      ['Lê Thị Bình', '0912000002'],
    ]);
    expect(sheet?.rowCount).toBe(4);
    expect(book.getWorksheet('Vùng khoanh')?.rowCount).toBe(4);
  });

  it('says each contact’s declared risk in words and lists only those with a risk when asked', async () => {
    const row = (testId: string, name: string) =>
      page.getByTestId(testId).locator('tbody tr').filter({ hasText: name }).textContent();
    expect(await row('trace-f1', 'Hoàng Văn Em')).toContain('Có triệu chứng');
    expect(await row('trace-f1', 'Lê Thị Bình')).not.toMatch(/Có triệu chứng|Yếu tố dịch tễ/);
    expect(await row('trace-f2', 'Vũ Thị Giang')).toContain('Yếu tố dịch tễ');
    await page.getByTestId('risk-only').check();
    expect(await names('trace-f1')).toEqual(['Hoàng Văn Em']);
    expect(await names('trace-f2')).toEqual(['Vũ Thị Giang']);
    expect(await page.getByRole('heading', { name: /F1/ }).first().textContent()).toContain('1');
    // The export follows the filter: only the contact with a risk is in the F1 sheet.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      readFileSync(await (await download).path()) as unknown as Parameters<typeof book.xlsx.load>[0],
    );
    const sheet = book.getWorksheet('Danh sách F1');
    expect(sheet?.rowCount).toBe(3);
    expect((sheet?.getRow(3).values as unknown[])[2]).toBe('Hoàng Văn Em');
    await page.getByTestId('risk-only').uncheck();
    expect(await names('trace-f1')).toEqual(['Hoàng Văn Em', 'Lê Thị Bình']);
  });

  it('finds a person by the name the guard corrected, and shows what the scanner read', async () => {
    await page.goto(`${server.url}/console/tracing`);
    await page.fill('input[name=name]', 'trinh van duc');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const persons = page.getByTestId('trace-persons');
    await persons.waitFor();
    const row = persons.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('Trịnh Văn Đức (máy quét ghi: Trnh Vn c)');
  });
});
