/**
 * The outbreak flow in Chromium against a real HTTP server on a real SQLite file. The server runs in
 * this process so its clock can be injected (buildApp's `now`); the browser's clock is fixed to the
 * same time. Guards push real check-ins; a tracer registers the case from search, confirms three F1
 * and dismisses one; the health stations of two communes see their own lists and record calls over
 * simulated days; one F1 is lost, one completes, one tests positive and is converted; the converted
 * person's investigation lists its own contacts; the chain shows exactly the implied edges; the daily
 * report equals a count made here from the stored rows, and its XLSX reads back the same.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, PROTOCOL_VERSION, type CheckIn, type EnrolResponse, type Person } from '../../src/shared/protocol';
import { buildApp } from '../../src/server/app';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase, type Db } from '../../src/server/db/database';
import { seedDemo } from '../../src/server/seed/demo';
import { issueEnrolmentCode } from '../../src/server/services/enrolment';
import { launchChromium } from '../support/chromium';
import { ConsolePage } from '../support/console-page';
import { createAccount, PASSWORD } from '../server/console-helpers';
import { rememberDeviceKey, signedHeaders } from '../server/helpers';
import { generateDeviceKey } from '../../src/shared/sealed/device-proof';

const D = 86_400_000;
const T0 = Date.UTC(2026, 10, 28, 8); // 28 Nov 2026, 15:00 in Vietnam
const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);
const person = (name: string, id: string, address?: string): Person => ({
  name,
  idNumber: `0380950000${id}`,
  phone: `09120000${id}`,
  ...(address ? { address } : {}),
});
const CASE = person('Nguyễn Văn Án', '01', 'Thôn 3, Xã Dân Lực');
const BINH = person('Lê Thị Bình', '02', 'Khu 1, Thị trấn Nưa');
const CUONG = person('Trần Văn Cường', '03');
const DUNG = person('Phạm Thị Dung', '04', 'Xóm 2, Xã Thọ Tân');
const EM = person('Hoàng Văn Em', '05', 'Thôn 1, Xã Dân Lực');
const GIANG = person('Vũ Thị Giang', '06', 'Thôn 4, Xã Thọ Tân');

const clock = { now: T0 };
let dir: string;
let app: FastifyInstance;
let url: string;
let db: Db;
let browser: Browser;
const users: Record<string, { context: BrowserContext; page: Page }> = {};

function visit(checkpointId: string, p: Person, time: number, kind: 'in' | 'out' = 'in', ref?: string): CheckIn {
  return { id: uuidv7(), checkpointId, kind, source: 'cccd', deviceTime: time, person: p, ...(ref ? { ref } : {}) };
}

async function guard(code: string): Promise<EnrolResponse> {
  const cp = (await findCheckpointByCode(db, code))!;
  const key = await generateDeviceKey();
  const body = JSON.stringify({
    code: await issueEnrolmentCode(db, cp.id, clock.now),
    appVersion: 'e2e',
    deviceKey: key.publicJwk,
  });
  const enrol = await fetch(`${url}${API.enrol}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const device = (await enrol.json()) as EnrolResponse;
  rememberDeviceKey(device.token, device.deviceId, key.privateKey);
  return device;
}

async function pushAll(device: EnrolResponse, items: CheckIn[]): Promise<void> {
  const body = JSON.stringify({
    protocol: PROTOCOL_VERSION,
    sentAt: clock.now,
    appVersion: 'e2e',
    pending: items.length,
    items,
  });
  const res = await fetch(`${url}${API.push}`, {
    method: 'POST',
    headers: await signedHeaders(device.token, body),
    body,
  });
  expect(res.status).toBe(200);
}

/** Moves both clocks; each user signs in again, as staff do each morning (sessions last 12 hours). */
async function setDay(ms: number): Promise<void> {
  clock.now = ms;
  for (const [username, u] of Object.entries(users)) {
    await u.context.clock.setFixedTime(ms);
    await u.context.clearCookies();
    await new ConsolePage(u.page, url).signIn(username, PASSWORD);
  }
}

async function as(username: string): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: username.startsWith('tramyte') ? { width: 360, height: 740 } : { width: 1280, height: 900 },
  });
  await context.clock.setFixedTime(clock.now);
  const page = await context.newPage();
  users[username] = { context, page };
  await new ConsolePage(page, url).signIn(username, PASSWORD);
  return page;
}

/** On the call list: opens a card's quick entry and saves it. */
async function record(
  page: Page,
  name: string,
  entry: { reached?: boolean; test?: 'pcr' | 'rapid'; result?: string },
): Promise<void> {
  await page.goto(`${url}/console/outbreak/calls`);
  const card = page.locator(`[data-testid=ob-call][data-name="${name}"]`);
  await card.getByRole('button', { name: 'Ghi kết quả' }).click();
  if (entry.reached === false) await card.getByLabel('Không liên lạc được').check();
  if (entry.test) await card.locator('select[name=testType]').selectOption(entry.test);
  if (entry.result) await card.locator('select[name=testResult]').selectOption(entry.result);
  await card.getByRole('button', { name: 'Lưu' }).click();
  if (entry.result !== 'positive') await expect.poll(() => card.getAttribute('class')).toContain('done');
}

/** With OUTBREAK_SHOTS=<dir> the walk also saves the user guide's screenshots and the report's A4 PDF there. */
const SHOTS = process.env.OUTBREAK_SHOTS;
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

const run = promisify(execFile);

/**
 * Prints `page` as Chromium would (CSS page size), checks it is A4 portrait, and returns its page count and
 * text in reading order with spaces collapsed (a name wrapped in its table cell reads whole).
 */
async function printedA4(page: Page, file: string): Promise<{ pages: number; words: string }> {
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = (await run('pdfinfo', [file])).stdout;
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const words = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
  return { pages, words };
}

const callNames = (page: Page) =>
  page.locator('[data-testid=ob-call]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tram-qr-outbreak-'));
  const dbFile = join(dir, 'checkpoints.sqlite');
  app = await buildApp({ dbFile, staticDir: resolve('dist'), publicUrl: 'http://127.0.0.1', now: () => clock.now });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  db = openDatabase(dbFile);
  await seedDemo(db, clock.now);
  for (const [u, role, unit] of [
    ['truyvet', 'tracer'],
    ['quantri', 'admin'],
    ['tramyte.danluc', 'officer', 'TS-DL'],
    ['tramyte.nua', 'officer', 'TS-NUA'],
  ] as const)
    await createAccount(db, u, role, unit);
  const a = await guard('TS-DL-001');
  const b = await guard('TS-NUA-001');
  const caseIn = visit(a.checkpoint.id, CASE, at(2));
  await pushAll(a, [
    caseIn,
    visit(a.checkpoint.id, CASE, at(3), 'out', caseIn.id),
    visit(a.checkpoint.id, BINH, at(2, 30)),
    visit(a.checkpoint.id, CUONG, at(2, 15)),
    visit(a.checkpoint.id, DUNG, at(2, 45)),
    visit(a.checkpoint.id, EM, at(2, 50)),
  ]);
  await pushAll(b, [visit(b.checkpoint.id, EM, at(10)), visit(b.checkpoint.id, GIANG, at(10, 20))]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await db?.destroy();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbreak console flow', () => {
  it(
    'goes from a case found in search to follow-up, conversion, chain and a daily report that adds up',
    { timeout: 300_000 },
    async () => {
      const admin = await as('quantri');
      await admin.goto(`${url}/console/outbreak`);
      const rules = admin.getByTestId('ob-settings');
      await rules.locator('input[name=followUpDays]').fill('5');
      await rules.locator('input[name=lostAfterDays]').fill('2');
      await rules.locator('input[name=testDays]').fill('1, 2, 5');
      await rules.getByRole('button', { name: 'Lưu' }).click();
      await rules.getByText('Đã lưu.').waitFor();

      // Register the case from tracing search.
      const tracer = await as('truyvet');
      await tracer.goto(`${url}/console/outbreak`);
      await tracer.fill('input[name=name]', 'nguyen van an');
      await tracer.getByRole('button', { name: 'Tìm', exact: true }).click();
      await tracer.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).click();
      await tracer.getByTestId('case-form').locator('select[name=isolation]').selectOption('centralised');
      if (SHOTS) {
        const isolated = tracer.getByTestId('case-form').locator('input[name=isolatedAtConfirmation]');
        await isolated.uncheck();
        await shot(tracer, 'f0-ghi-nhan');
        await isolated.check();
      }
      await tracer.getByTestId('case-form').getByRole('button', { name: 'Ghi nhận ca bệnh' }).click();
      const contacts = tracer.getByTestId('ob-contacts');
      await contacts.waitFor();
      expect(
        (await contacts.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).sort(),
      ).toEqual(['Hoàng Văn Em', 'Lê Thị Bình', 'Phạm Thị Dung', 'Trần Văn Cường']);
      expect(await contacts.locator('tr[data-name="Lê Thị Bình"]').textContent()).toContain(
        'UBND xã Dân Lực (Xã Dân Lực)',
      );
      expect(await contacts.locator('tr[data-name="Lê Thị Bình"]').textContent()).toContain('45 phút');
      for (const n of ['Lê Thị Bình', 'Trần Văn Cường', 'Hoàng Văn Em']) {
        const row = contacts.locator(`tr[data-name="${n}"]`);
        await row.getByRole('button', { name: 'Xác định F1' }).click();
        // A decision is final: the row asks once more, by name.
        await row.getByRole('button', { name: 'Đồng ý, xác định F1' }).click();
        // The button's label is the status's words too: wait for the button to go, then read the status column.
        await row.getByRole('button', { name: 'Xác định F1' }).waitFor({ state: 'detached' });
        expect(await row.locator('td').nth(4).textContent()).toBe('Xác định F1');
      }
      const dung = contacts.locator('tr[data-name="Phạm Thị Dung"]');
      await dung.locator('input[name=reason]').fill('đứng ngoài sân, đeo khẩu trang');
      await dung.getByRole('button', { name: 'Loại' }).click();
      await dung.getByRole('button', { name: 'Đồng ý, loại' }).click();
      await expect.poll(() => dung.textContent()).toContain('đứng ngoài sân, đeo khẩu trang');
      const firstCaseUrl = tracer.url();
      // A household member met at home, typed in by hand and followed in the commune the tracer picks.
      const manual = tracer.locator('form', { has: tracer.locator('input[name=manual-name]') });
      await manual.locator('input[name=manual-name]').fill('Ngô Thị Hạnh');
      await manual.locator('input[name=manual-phone]').fill('0912000044');
      await manual.locator('select[name=manual-relationship]').selectOption('household');
      await manual.locator('input[name=manual-last]').fill('2026-11-27T10:00');
      await manual.locator('select[name=followUnit]').selectOption({ label: 'Xã Thọ Tân' });
      await manual.getByRole('button', { name: 'Thêm', exact: true }).click();
      const hanh = contacts.locator('tr[data-name="Ngô Thị Hạnh"]');
      await expect.poll(() => hanh.textContent()).toContain('Cùng hộ gia đình');
      expect(await hanh.textContent()).toContain('Xác định F1');
      const hanhFollowed = await db
        .selectFrom('outbreak_followups as f')
        .innerJoin('units as u', 'u.id', 'f.unit_id')
        .select(['u.name', 'f.phone'])
        .where('f.name', '=', 'Ngô Thị Hạnh')
        .executeTakeFirst();
      expect(hanhFollowed).toEqual({ name: 'Xã Thọ Tân', phone: '0912000044' });
      await shot(tracer, 'f0-dieu-tra');

      // Each health station sees its own commune only.
      const dl = await as('tramyte.danluc');
      const nua = await as('tramyte.nua');
      await dl.goto(`${url}/console/outbreak/calls`);
      await dl.locator('[data-testid=ob-call]').first().waitFor();
      expect(await callNames(dl)).toEqual(['Hoàng Văn Em', 'Trần Văn Cường']);
      await nua.goto(`${url}/console/outbreak/calls`);
      await nua.locator('[data-testid=ob-call]').first().waitFor();
      expect(await callNames(nua)).toEqual(['Lê Thị Bình']);
      expect(await nua.locator('[data-name="Lê Thị Bình"] a[href^="tel:"]').getAttribute('href')).toBe(
        'tel:0912000002',
      );
      expect(await nua.locator('[data-name="Lê Thị Bình"]').textContent()).toContain('Đến hạn xét nghiệm');
      await shot(dl, 'f1-danh-sach-goi');
      // The paper call list, for stations that work on paper: one A4 page with every name and phone.
      const paper = await printedA4(dl, join(dir, 'call-list.pdf'));
      expect(paper.pages).toBe(1);
      for (const text of ['Hoàng Văn Em', '0912000005', 'Trần Văn Cường', '0912000003'])
        expect(paper.words).toContain(text);
      expect(paper.words).not.toContain('Ghi kết quả'); // buttons do not print
      expect(paper.words.match(/☐/g)).toHaveLength(2); // both are due a test on their day 1
      if (SHOTS) {
        await dl.locator('[data-testid=ob-call]').first().getByRole('button', { name: 'Ghi kết quả' }).click();
        await shot(dl, 'f1-ghi-ket-qua');
        await dl.emulateMedia({ media: 'print' });
        await shot(dl, 'f1-danh-sach-giay');
        await dl.emulateMedia({ media: 'screen' });
      }

      // A tracer hands Cường to Thọ Tân's health station from the district call list, and back again.
      const reassign = async (to: string) => {
        const card = tracer.locator('[data-testid=ob-call][data-name="Trần Văn Cường"]');
        await card.getByRole('button', { name: 'Chuyển xã theo dõi' }).click();
        const form = card.getByTestId('ob-reassign');
        await form.locator('select[name=reassignUnit]').selectOption({ label: to });
        await shot(tracer, 'f1-chuyen-xa');
        await form.getByRole('button', { name: 'Chuyển sang xã này' }).click();
        await expect.poll(() => card.locator('.ob-card-unit').textContent()).toContain(`Theo dõi: Trạm y tế ${to}`);
      };
      await tracer.goto(`${url}/console/outbreak/calls`);
      await tracer.locator('[data-testid=ob-call][data-name="Trần Văn Cường"]').waitFor();
      expect(await tracer.locator('[data-name="Trần Văn Cường"] .ob-card-unit').textContent()).toContain(
        'Theo dõi: Trạm y tế Xã Dân Lực',
      );
      await reassign('Xã Thọ Tân');
      await dl.reload();
      await dl.locator('[data-testid=ob-call]').first().waitFor();
      expect(await callNames(dl)).toEqual(['Hoàng Văn Em']);
      if (SHOTS) {
        await tracer.setViewportSize({ width: 360, height: 740 });
        await tracer
          .locator('[data-name="Trần Văn Cường"]')
          .getByRole('button', { name: 'Chuyển xã theo dõi' })
          .click();
        await shot(tracer, 'f1-chuyen-xa-360', false);
        await tracer
          .locator('[data-name="Trần Văn Cường"]')
          .getByRole('button', { name: 'Chuyển xã theo dõi' })
          .click();
        await tracer.setViewportSize({ width: 1280, height: 900 });
      }
      await reassign('Xã Dân Lực');
      await dl.reload();
      await expect.poll(() => callNames(dl)).toEqual(['Hoàng Văn Em', 'Trần Văn Cường']);

      // 28 Nov: everyone reached.
      await record(dl, 'Hoàng Văn Em', {});
      await record(dl, 'Trần Văn Cường', { test: 'rapid', result: 'negative' });
      await record(nua, 'Lê Thị Bình', {});
      // 29 Nov: Em positive → converted in one action; Cường not reached.
      await setDay(T0 + D);
      await record(nua, 'Lê Thị Bình', { test: 'pcr', result: 'negative' });
      await record(dl, 'Hoàng Văn Em', { test: 'pcr', result: 'positive' });
      await dl.getByText('Dương tính: chuyển người này thành ca bệnh').waitFor();
      await shot(dl, 'f1-duong-tinh');
      await dl.getByTestId('case-form').getByRole('button', { name: 'Chuyển thành ca bệnh (F0)' }).click();
      await expect.poll(() => callNames(dl)).toEqual(['Trần Văn Cường']);

      // The converted person's investigation lists their own contacts; people already known are not added again.
      await tracer.goto(`${url}/console/outbreak`);
      await tracer.getByTestId('ob-cases').locator('tr', { hasText: 'Hoàng Văn Em' }).getByRole('link').click();
      await tracer.getByText('Là F1 của ca trước, chuyển thành ca bệnh.').waitFor();
      const own = tracer.getByTestId('ob-contacts');
      await own.locator('tbody tr').first().waitFor();
      expect(
        (await own.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))).sort(),
      ).toEqual(['Phạm Thị Dung', 'Vũ Thị Giang']);
      const known = await tracer.getByTestId('ob-known').locator('li').allTextContents();
      expect(known.sort()).toEqual([
        'Lê Thị Bình — đang được theo dõi',
        'Nguyễn Văn Án — đã là ca bệnh',
        'Trần Văn Cường — đang được theo dõi',
      ]);
      const giang = own.locator('tr[data-name="Vũ Thị Giang"]');
      await giang.getByRole('button', { name: 'Xác định F1' }).click();
      await giang.getByRole('button', { name: 'Đồng ý, xác định F1' }).click();
      // Confirmed once the server answered: the button goes and the status column says so.
      await giang.getByRole('button', { name: 'Xác định F1' }).waitFor({ state: 'detached' });
      expect(await giang.locator('td').nth(4).textContent()).toBe('Xác định F1');
      expect(firstCaseUrl).not.toBe(tracer.url());

      // 30 Nov: Cường not reached for two days → lost; Bình goes on until the end of her five days.
      for (const day of [2, 3, 4]) {
        await setDay(T0 + day * D + 3_600_000);
        await record(nua, 'Lê Thị Bình', {});
      }
      expect(await callNames(dl)).toEqual([]);
      await setDay(T0 + 5 * D);
      await nua.goto(`${url}/console/outbreak/calls`);
      await nua.getByText('Hôm nay không có ai cần gọi.').waitFor();
      const statuses = await db.selectFrom('outbreak_followups').select(['name', 'status']).orderBy('name').execute();
      expect(statuses.map((r) => [r.name, r.status])).toEqual([
        ['Hoàng Văn Em', 'converted'],
        ['Lê Thị Bình', 'completed'],
        ['Ngô Thị Hạnh', 'lost'], // Thọ Tân's station never called her
        ['Trần Văn Cường', 'lost'],
        ['Vũ Thị Giang', 'lost'],
      ]);

      // The chain: exactly the edges the confirmed contacts imply, and Em's exposures to Bình and Cường
      // (followed already from Án, so not proposed again, but exposed to Em as well).
      await tracer.goto(`${url}/console/outbreak/chain`);
      await tracer.getByTestId('ob-chain').waitFor();
      await shot(tracer, 'chuoi-lay-nhiem');
      const edges = await tracer
        .locator('.ob-edge')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));
      expect(edges.sort()).toEqual([
        'Chợ Nưa · 27/11',
        'Cùng hộ gia đình · 27/11',
        'UBND xã Dân Lực · 27/11',
        'UBND xã Dân Lực · 27/11',
        'UBND xã Dân Lực · 27/11',
        'UBND xã Dân Lực · 27/11',
        'UBND xã Dân Lực · 27/11',
      ]);
      expect(
        (
          await tracer
            .locator('.ob-node[data-kind=case]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))
        ).sort(),
      ).toEqual(['Hoàng Văn Em', 'Nguyễn Văn Án']);
      const pairs = await db
        .selectFrom('outbreak_contacts as c')
        .innerJoin('outbreak_cases as k', 'k.id', 'c.case_id')
        .select(['k.person_id as s', 'c.person_id as t'])
        .where('c.status', '=', 'confirmed')
        .execute();
      const drawn = await tracer
        .locator('.ob-edge')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-source')}→${e.getAttribute('data-target')}`));
      // A case's kept trace also links it to people confirmed as another case's F1 (not proposed twice).
      const confirmed = new Set(pairs.map((p) => p.t));
      const linked = new Set(pairs.map((p) => `${p.s}→${p.t}`));
      const snapshots = await db.selectFrom('outbreak_cases').select(['person_id', 'snapshot']).execute();
      const alsoExposed = snapshots.flatMap((k) =>
        (JSON.parse(k.snapshot) as { personId: string }[])
          .filter((e) => confirmed.has(e.personId) && !linked.has(`${k.person_id}→${e.personId}`))
          .map((e) => `${k.person_id}→${e.personId}`),
      );
      expect(alsoExposed).toHaveLength(2);
      expect(drawn.sort()).toEqual([...linked, ...alsoExposed].sort());
      // The drawing leaves as an SVG with every person and edge, and as a PNG picture of it.
      const svgDownload = tracer.waitForEvent('download');
      await tracer.getByRole('button', { name: 'Tải ảnh SVG' }).click();
      const svgFile = await svgDownload;
      expect(svgFile.suggestedFilename()).toBe('chuoi-lay-nhiem.svg');
      const svgText = readFileSync((await svgFile.path())!, 'utf8');
      expect(svgText.startsWith('<svg')).toBe(true);
      for (const name of ['Nguyễn Văn Án', 'Hoàng Văn Em', 'Vũ Thị Giang']) expect(svgText).toContain(name);
      expect(svgText.match(/class="ob-edge"/g)).toHaveLength(drawn.length);
      const pngDownload = tracer.waitForEvent('download');
      await tracer.getByRole('button', { name: 'Tải ảnh PNG' }).click();
      const png = readFileSync((await (await pngDownload).path())!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // Twice the drawing's size (IHDR width at byte 16), so it prints sharp.
      const width = Number(await tracer.locator('.ob-chain svg').getAttribute('width'));
      expect(png.readUInt32BE(16)).toBe(width * 2);

      // The daily report for 30 Nov equals a count made here from the stored rows, all seven figures.
      const day = '2026-11-30';
      const start = Date.UTC(2026, 10, 29, 17);
      const end = start + D;
      /** Days since 1970 in Vietnam time (UTC+7), as follow-up days are counted. */
      const vnDay = (t: number) => Math.floor((t + 7 * 3_600_000) / D);
      const testDays = [1, 2, 5]; // set on the settings page above
      const cases = await db
        .selectFrom('outbreak_cases as k')
        .leftJoin('units as u', 'u.id', 'k.unit_id')
        .select(['u.name', 'k.confirmed_at'])
        .execute();
      const rows = await db
        .selectFrom('outbreak_followups as f')
        .innerJoin('units as u', 'u.id', 'f.unit_id')
        .select(['u.name', 'f.started_at', 'f.ended_at', 'f.status', 'f.last_exposure'])
        .execute();
      const tests = await db
        .selectFrom('outbreak_entries as e')
        .innerJoin('units as u', 'u.id', 'e.unit_id')
        .select(['u.name'])
        .where('e.day', '=', day)
        .where('e.test_type', 'is not', null)
        .execute();
      const endedToday = (r: (typeof rows)[number], status: string) =>
        r.status === status && r.ended_at !== null && r.ended_at >= start && r.ended_at < end;
      const count = (name: string) => {
        const mine = rows.filter((r) => r.name === name && r.started_at < end);
        const open = (r: (typeof rows)[number]) => r.ended_at === null || r.ended_at >= end;
        return [
          cases.filter((c) => c.name === name && c.confirmed_at >= start && c.confirmed_at < end).length,
          mine.filter(open).length,
          mine.filter((r) => endedToday(r, 'completed')).length,
          mine.filter((r) => endedToday(r, 'lost')).length,
          mine.filter((r) => endedToday(r, 'converted')).length,
          mine.filter(
            (r) =>
              (open(r) || (r.ended_at !== null && r.ended_at >= start)) &&
              testDays.includes(vnDay(start) - vnDay(r.last_exposure)),
          ).length,
          tests.filter((e) => e.name === name).length,
        ];
      };
      await tracer.goto(`${url}/console/outbreak/report`);
      await tracer.fill('input[name=day]', day);
      // The table is the one of the day asked for, not the previous day's under the new heading.
      const table = tracer.locator(`[data-testid=ob-report][data-day="${day}"]`);
      await table.waitFor();
      expect(await tracer.locator('h1').textContent()).toContain('30/11/2026');
      const shown = async (unit: string) =>
        (await table.locator(`tr[data-unit="${unit}"] td`).allTextContents()).slice(1).map(Number);
      const communes = await table
        .locator('tbody tr[data-unit]:not([data-unit=district])')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')!));
      expect(communes).toEqual(expect.arrayContaining(['Xã Dân Lực', 'Thị trấn Nưa', 'Xã Thọ Tân']));
      const byCommune = new Map<string, number[]>();
      for (const unit of communes) {
        byCommune.set(unit, await shown(unit));
        expect(byCommune.get(unit), unit).toEqual(count(unit));
      }
      expect((await shown('Xã Dân Lực')).slice(1, 4)).toEqual([0, 0, 1]); // Cường lost on 30 Nov
      const district = (await table.locator('tr[data-unit=district] th').allTextContents()).slice(1).map(Number);
      // The district row is the communes' sum, and it counts something on this day.
      expect(district).toEqual(
        [0, 1, 2, 3, 4, 5, 6].map((i) => communes.reduce((n, u) => n + byCommune.get(u)![i]!, 0)),
      );
      expect(district.some((n) => n > 0)).toBe(true);
      await shot(tracer, 'bao-cao-ngay');
      const printed = await printedA4(tracer, join(dir, 'report.pdf'));
      expect(printed.pages).toBe(1);
      expect(printed.words).toContain('30/11/2026');
      expect(printed.words).toContain(`Toàn huyện ${district.join(' ')}`);
      if (SHOTS) {
        await tracer.pdf({ path: join(SHOTS, 'bao-cao-ngay.pdf'), format: 'A4', printBackground: true });
        await tracer.setViewportSize({ width: 360, height: 740 });
        await shot(tracer, 'bao-cao-ngay-360');
        await tracer.setViewportSize({ width: 1280, height: 900 });
      }

      const download = tracer.waitForEvent('download');
      await tracer.getByRole('button', { name: 'Tải XLSX' }).click();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        readFileSync(await (await download).path()) as unknown as Parameters<typeof book.xlsx.load>[0],
      );
      const sheet = book.getWorksheet(`Ngày ${day}`)!;
      const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
      expect(last).toEqual(['Toàn huyện', ...district]);
      // Every commune row of the file is the page's row.
      for (let r = 2; r < sheet.rowCount; r++) {
        const [name, ...figures] = (sheet.getRow(r).values as unknown[]).slice(1);
        expect(figures, String(name)).toEqual(byCommune.get(String(name)));
      }
      expect(sheet.rowCount - 2).toBe(communes.length);
      expect((sheet.getRow(1).values as unknown[])[2]).toBe('Ca mắc mới (F0)');
    },
  );
});
