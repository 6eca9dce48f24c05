/**
 * A district official's review of the outbreak reports and the trace exports, in Chromium against the real server
 * process: a commune officer's report totals its own commune by name (on screen and in the XLSX) and counts people
 * tested, not call entries; a new F1's card reads "Ngày tiếp xúc cuối", not "Ngày thứ 0"; the trace XLSX has F2 and
 * a title line on each sheet, F2 has its own CSV, the files are named after the case and its days, and the console
 * says beside the CSV buttons that Excel users should take the XLSX. With REVIEW_SHOTS=<dir> it saves screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { OUTBREAK_API, type CallList } from '../../src/shared/outbreak-api';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { createEnrolLink, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { enrolSim, pushOnce } from '../support/sim-device';

const PASSWORD = 'mot-cau-mat-khau-du-dai-2026';
const MIN = 60_000;
const H = 60 * MIN;
const person = (name: string, id: string): Person => ({ name, idNumber: `0380950000${id}`, phone: `09120000${id}` });
const AN = person('Nguyễn Văn An', '51');
const BINH = person('Lê Thị Bình', '52');
const GIANG = person('Đỗ Văn Giang', '53');
const SHOTS = process.env.REVIEW_SHOTS;
/** The Vietnam hour now: before 01:00 the visits below may fall on yesterday, and Bình's first day is day 1. */
const vnHour = () => new Date(Date.now() + 7 * H).getUTCHours();

async function workbook(download: Promise<Download>): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await (await download).path()) as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

const rowsOf = (sheet: ExcelJS.Worksheet | undefined) =>
  Array.from({ length: sheet?.rowCount ?? 0 }, (_, i) => (sheet!.getRow(i + 1).values as unknown[]).slice(1));

describe('outbreak reports and trace exports after the district review', () => {
  let server: ServerProcess;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    createAccountWithCli(server.dataDir, 'truyvet', PASSWORD, ['--role', 'tracer']);
    createAccountWithCli(server.dataDir, 'tramyte.danluc', PASSWORD, ['--role', 'officer', '--unit', 'TS-DL']);
    const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    const device = await enrolSim(server.url, link.split('#')[1]!, 'e2e');
    const now = Date.now();
    const visit = (p: Person, time: number, kind: 'in' | 'out' = 'in', ref?: string): CheckIn => ({
      id: uuidv7(),
      checkpointId: device.checkpoint.id,
      kind,
      source: 'cccd',
      deviceTime: time,
      person: p,
      ...(ref ? { ref } : {}),
    });
    // An meets Bình; Bình comes back later and meets Giang, who never met An: Giang is F2.
    const anIn = visit(AN, now - 50 * MIN);
    const binhIn = visit(BINH, now - 48 * MIN);
    const binhAgain = visit(BINH, now - 20 * MIN);
    const pushed = await pushOnce(server.url, device, [
      anIn,
      visit(AN, now - 40 * MIN, 'out', anIn.id),
      binhIn,
      visit(BINH, now - 38 * MIN, 'out', binhIn.id),
      binhAgain,
      visit(GIANG, now - 18 * MIN),
    ]);
    expect(pushed?.results.every((r) => r.status === 'accepted')).toBe(true);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
    await new ConsolePage(page, server.url).signIn(username, PASSWORD);
    return page;
  }
  /** Saves the page at both sizes (1366×768 and 360×740), then puts the viewport back. */
  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    for (const [width, height] of [
      [1366, 768],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };

  let tracer: Page;
  let officer: Page;

  it('names the first day of a new F1 "Ngày tiếp xúc cuối" on the card and the printed list', async () => {
    tracer = await signedIn('truyvet');
    await tracer.goto(`${server.url}/console/outbreak`);
    await tracer.fill('input[name=name]', 'nguyen van an');
    await tracer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await tracer.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).click();
    await tracer.getByTestId('case-form').getByRole('button', { name: 'Ghi nhận ca bệnh' }).click();
    const binh = tracer.locator('[data-testid=ob-contacts] tr[data-name="Lê Thị Bình"]');
    await binh.getByRole('button', { name: 'Xác định F1', exact: true }).click();
    await binh.getByRole('button', { name: 'Đồng ý, xác định F1' }).click();
    await expect.poll(() => binh.locator('td').nth(4).textContent()).toBe('Xác định F1');

    officer = await signedIn('tramyte.danluc');
    await officer.goto(`${server.url}/console/outbreak/calls`);
    const card = officer.locator('[data-testid=ob-call][data-name="Lê Thị Bình"]');
    await card.waitFor();
    const list = (await officer.evaluate(
      async (path) => (await fetch(path)).json(),
      OUTBREAK_API.followups,
    )) as CallList;
    const day = list.rows.find((r) => r.name === 'Lê Thị Bình')!.dayNumber;
    if (vnHour() >= 1) expect(day).toBe(0); // the contact was under an hour ago, today
    const words = day === 0 ? 'Ngày tiếp xúc cuối' : `Ngày thứ ${day}`;
    expect(await card.getByTestId('ob-day').textContent()).toBe(words);
    const paper = await officer.locator('.ob-paper, [data-testid=ob-paper]').first().textContent();
    expect(paper).toContain('Ngày theo dõi');
    expect(paper).not.toContain('Ngày thứ 0');
    if (day === 0) expect(paper).toContain('Ngày tiếp xúc cuối');
    await shot(officer, 'f1-card-day0');
  });

  it('totals a commune officer’s report as the commune and counts people tested, on screen and in the XLSX', async () => {
    // One person, one swab, recorded twice the same day: first awaiting its result, then the result.
    const posted = await officer.evaluate(
      async ({ followups, id }) => {
        const { csrfToken } = (await (await fetch('/api/admin/session')).json()) as { csrfToken: string };
        const codes: number[] = [];
        for (const testResult of ['pending', 'negative']) {
          const res = await fetch(`${followups}/${id}/entries`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({ reached: true, testType: 'pcr', testResult }),
          });
          codes.push(res.status);
        }
        return codes;
      },
      {
        followups: OUTBREAK_API.followups,
        id: (
          (await officer.evaluate(async (path) => (await fetch(path)).json(), OUTBREAK_API.followups)) as CallList
        ).rows.find((r) => r.name === 'Lê Thị Bình')!.id,
      },
    );
    expect(posted).toEqual([201, 201]);

    await officer.goto(`${server.url}/console/outbreak/report`);
    const table = officer.getByTestId('ob-report');
    await table.waitFor();
    const head = await table.locator('thead th').allTextContents();
    const done = head.indexOf('Xét nghiệm đã làm');
    const commune = await table.locator('tbody tr[data-unit="Xã Dân Lực"] td').allTextContents();
    expect(commune[done]).toBe('1');
    const total = await table.locator('tfoot th').allTextContents();
    expect(total[0]).toBe('Tổng xã Dân Lực');
    expect(total.slice(1)).toEqual(commune.slice(1));
    expect(await table.textContent()).not.toContain('Toàn huyện');
    expect(await officer.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Diễn biến theo ngày (xã Dân Lực)',
    );
    await shot(officer, 'report-officer');

    const book = await workbook(
      Promise.all([officer.waitForEvent('download'), officer.getByRole('button', { name: 'Tải XLSX' }).click()]).then(
        ([d]) => d,
      ),
    );
    const rows = rowsOf(book.worksheets[0]);
    expect(rows[0]![done]).toBe('Xét nghiệm đã làm');
    expect(rows.slice(1).map((r) => [r[0], r[done]])).toEqual([
      ['Xã Dân Lực', 1],
      ['Tổng xã Dân Lực', 1],
    ]);
  });

  it('exports F2 and says whose trace each file is, in the XLSX title lines and the file names', async () => {
    await tracer.goto(`${server.url}/console/tracing`);
    await tracer.fill('input[name=name]', 'nguyen van an');
    await tracer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await tracer.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).first().click();
    await tracer.getByRole('button', { name: 'Truy vết', exact: true }).click();
    await tracer.getByTestId('trace-f1').waitFor();
    expect(await tracer.getByTestId('csv-excel-note').textContent()).toBe(
      'Mở tệp CSV bằng Excel sẽ mất số 0 đầu của số CCCD và số điện thoại; dùng Excel thì hãy tải tệp XLSX.',
    );
    await shot(tracer, 'trace-exports');
    const period = /(\d{4}-\d\d-\d\d)-den-(\d{4}-\d\d-\d\d)/;

    const [xlsx] = await Promise.all([
      tracer.waitForEvent('download'),
      tracer.getByRole('button', { name: 'Tải Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(new RegExp(`^truy-vet-nguyen-van-an-${period.source}\\.xlsx$`));
    if (SHOTS) await xlsx.saveAs(join(SHOTS, xlsx.suggestedFilename()));
    const book = await workbook(Promise.resolve(xlsx));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Danh sách F1',
      'Danh sách F2',
      'Vùng khoanh',
      'Lịch trình ca bệnh',
    ]);
    const title = /^Danh sách F1 của ca Nguyễn Văn An, \d\d\/\d\d(\/\d{4})?–\d\d\/\d\d\/\d{4}, khoảng đệm 15 phút$/;
    expect(String(book.getWorksheet('Danh sách F1')!.getRow(1).getCell(1).value)).toMatch(title);
    const f2 = rowsOf(book.getWorksheet('Danh sách F2'));
    expect(String(f2[0]![0])).toMatch(/^Danh sách F2 của ca Nguyễn Văn An, /);
    const via = f2[1]!.indexOf('Tiếp xúc với (F1)');
    expect(f2.slice(2).map((r) => [r[1], r[2], r[4], r[via]])).toEqual([
      ['Đỗ Văn Giang', '038095000053', '0912000053', 'Lê Thị Bình'],
    ]);

    const [csv] = await Promise.all([
      tracer.waitForEvent('download'),
      tracer.getByRole('button', { name: 'Tải CSV danh sách F2' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(new RegExp(`^truy-vet-f2-nguyen-van-an-${period.source}\\.csv$`));
    if (SHOTS) await csv.saveAs(join(SHOTS, csv.suggestedFilename()));
    const lines = readFileSync(await csv.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^STT,Họ và tên,Số giấy tờ,/); // headers first: no title line in a CSV
    // The digits as they are: no formula, no mark (the XLSX is the file for Excel, as the page says).
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 5))).toEqual([
      ['Đỗ Văn Giang', '038095000053', '', '0912000053'],
    ]);
    expect(errors).toEqual([]);
  });
});
