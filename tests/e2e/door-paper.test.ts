/**
 * Issue 12, "Paper that works", in Chromium on a phone against the real server process: the same sheet and
 * row typed twice is refused unless the guard confirms a correction; a time in the future is explained; the
 * blank sheet prints on ONE A4 landscape page with an address column wide enough to write in.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const run = promisify(execFile);

describe('paper that works', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let guard: GuardPage;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-paper-'));
    server = await startServerProcess();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    ).newPage();
    guard = new GuardPage(page);
    await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page.waitForURL('**/guard');
    await page.getByRole('navigation').getByRole('link', { name: 'Phiếu giấy' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  async function typeRow(row: {
    sheet: string;
    row: string;
    date: string;
    timeIn: string;
    name: string;
  }): Promise<void> {
    const form = page.getByTestId('paper-form');
    await form.locator('input[name="sheet"]').fill(row.sheet);
    await form.locator('input[name="row"]').fill(row.row);
    await form.locator('input[name="date"]').fill(row.date);
    await form.locator('input[name="timeIn"]').fill(row.timeIn);
    await form.locator('input[name="name"]').fill(row.name);
    await form.getByRole('button', { name: 'Nhập dòng này' }).click();
  }

  it('refuses the same sheet and row twice unless the guard confirms a correction', async () => {
    await typeRow({ sheet: 'T-01', row: '1', date: today(), timeIn: '00:01', name: 'Ngô Văn Toàn' });
    await page.getByTestId('paper-status').filter({ hasText: 'Đã nhập phiếu T-01 dòng 1' }).waitFor();
    await guard.waitForPending(0, 30_000);

    await typeRow({ sheet: 'T-01', row: '1', date: today(), timeIn: '00:02', name: 'Ngô Văn Toàn' });
    const warning = page.getByTestId('paper-duplicate');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Phiếu T-01 dòng 1 đã được nhập lúc');
    expect(await warning.textContent()).toContain('Ngô Văn Toàn');
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await readCheckins(server.dataDir)).filter((c) => c.paper?.sheet === 'T-01')).toHaveLength(1);

    // "No": nothing saved, the form keeps what was typed; then the guard confirms it is a correction.
    await warning.getByRole('button', { name: /Không, để tôi sửa/ }).click();
    await warning.waitFor({ state: 'detached' });
    await page.getByTestId('paper-form').locator('input[name="name"]').fill('Ngô Văn Toản');
    await page.getByTestId('paper-form').getByRole('button', { name: 'Nhập dòng này' }).click();
    await warning.getByRole('button', { name: 'Đây là bản sửa, lưu lại' }).click();
    await page.getByTestId('paper-status').filter({ hasText: 'Đã lưu bản sửa của phiếu T-01 dòng 1' }).waitFor();
    await guard.waitForPending(0, 30_000);
    const names = (await readCheckins(server.dataDir))
      .filter((c) => c.paper?.sheet === 'T-01')
      .map((c) => c.person.name);
    expect(names.sort()).toEqual(['Ngô Văn Toàn', 'Ngô Văn Toản']);
  });

  it('explains a time in the future instead of "Giờ không hợp lệ"', async () => {
    const later = new Date(Date.now() + 3 * 86_400_000);
    const day = `${later.getFullYear()}-${String(later.getMonth() + 1).padStart(2, '0')}-${String(later.getDate()).padStart(2, '0')}`;
    await typeRow({ sheet: 'T-02', row: '1', date: day, timeIn: '09:30', name: 'Lò Thị Én' });
    const problem = page.getByTestId('paper-problem');
    await problem.waitFor();
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain(`Giờ ở tương lai: 09:30 ngày ${day.split('-').reverse().join('/')} chưa đến`);
    expect(text).not.toContain('Giờ không hợp lệ');
    expect(await guard.pendingCount()).toBe(0);
  });

  it('prints the blank sheet on one A4 landscape page with a usable address column', async () => {
    await page.getByRole('button', { name: /In phiếu trống/ }).click();
    await page.getByTestId('paper-table').waitFor();
    const pdf = join(workDir, 'sheet.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Pages:\s+1\n/);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.round(Number(w))).toBe(842); // A4 landscape: 297 × 210 mm
    expect(Math.round(Number(h))).toBe(595);
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(process.env.PAPER_PNG_DIR ?? workDir, 'paper-sheet')]);

    // Measured on a page the width of A4 landscape's printable area (297 − 2 × 8 mm at 96 px per inch).
    await page.setViewportSize({ width: Math.round((281 * 96) / 25.4), height: 794 });
    await page.emulateMedia({ media: 'print' });
    const mm = await page.evaluate(() => {
      const th = document.querySelector('.paper-sheet th.col-address')!;
      return th.getBoundingClientRect().width / (96 / 25.4);
    });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(mm).toBeGreaterThan(45);
  });
});
