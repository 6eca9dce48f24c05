/**
 * The guard station, end to end against the real server: every input at the door (camera with a
 * visitor QR, national QR, hand-scanner wedge, photo), refusals, repeat scans and check-out,
 * companions, khai hộ and paper backfill — each checked in what the server finally stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeVisitorCode } from '../../src/shared/scan/visitor-code';
import { launchChromium } from '../support/chromium';
import { writeQrPng, writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import {
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
  type StoredCheckIn,
} from '../support/server-process';

const VISITOR = encodeVisitorCode(
  {
    visitorId: 'k3m9x2p7qa',
    name: 'Phạm Thị Hương',
    birthYear: 1987,
    gender: 'female',
    phone: '0912345678',
    address: 'Xóm 2, Xã Thọ Thế',
  },
  { date: '2026-11-28', version: 1, flags: 0b10 },
);
const NATIONAL = '******004321|LE VAN TAM|1979-**-**|0|Q1234567890|Q9876543210<1<DN4380123456789<09*****678<MEUCIQDx2a';
const CCCD_PHOTO = '038070002222||Hoàng Văn Phúc|02021970|Nam|Thôn 1, Xã Minh Sơn, Huyện Triệu Sơn, Thanh Hóa|10102021';
// A keyboard-wedge scanner on a US layout: Vietnamese letters arrive as "?", digits and pipes survive.
const CCCD_WEDGE = '038085003333|123456789|Nguy?n V?n H?i|03031985|Nam|Th?n 4, X? D?n L?|01012022';
const CCCD_NO_ENTER = '038190004444||Tr?n Th? Mai|04041990|N?|X? Ti?n N?ng|15082021';
const CCCD_LEAD = '038075005555||Bùi Văn Long|05051975|Nam|Xã Hợp Lý, Triệu Sơn|20202021';
const CCCD_BEHALF = '038045006666||Đinh Thị Lựu|06061945|Nữ|Thôn 7, Xã Đồng Tiến, Triệu Sơn|20092021';

describe('guard station', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let guard: GuardPage;
  let workDir: string;
  let video: string;

  const stored = () => readCheckins(server.dataDir);
  const byId = (rows: StoredCheckIn[], idNumber: string) =>
    rows.find((r) => r.kind === 'in' && r.person.idNumber === idNumber);
  /**
   * What the server stores once the device has sent everything and `ready` holds of it: a save reaches the
   * outbox a moment after the screen shows it, so "nothing pending" alone can come before the new row.
   */
  const synced = async (ready: (rows: StoredCheckIn[]) => boolean) => {
    let rows: StoredCheckIn[] = [];
    await expect
      .poll(
        async () => {
          await guard.waitForPending(0, 10_000);
          rows = await stored();
          return ready(rows);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    return rows;
  };
  /** Shows a code to the fake camera and restarts the camera so it reads the new file. */
  const showToCamera = async (code: string) => {
    await writeQrVideo(video, [code], { framesPerCode: 5 });
    await page.getByRole('button', { name: 'Tắt camera' }).click();
    await page.getByRole('button', { name: 'Bật camera để quét' }).click();
  };
  /** A hand scanner typing a payload (fast keystrokes, optional Enter). */
  const wedge = async (text: string, enter = true) => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.type(text);
    if (enter) await page.keyboard.press('Enter');
  };
  /** A hand scanner in Unicode mode: key events carrying Vietnamese letters. */
  const wedgeUnicode = (text: string) =>
    page.evaluate((payload) => {
      for (const key of [...payload, 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, text);

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-station-'));
    video = join(workDir, 'camera.y4m');
    await writeQrVideo(video, ['-'], { framesPerCode: 0, blankFrames: 3 });
    server = await startServerProcess();
    browser = await launchChromium({ fakeVideo: video });
    page = await (await browser.newContext()).newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    guard = new GuardPage(page);
    await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page.waitForURL('**/guard');
    await page.getByRole('button', { name: 'Tắt camera' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('reads this app’s visitor QR through the camera, declaration included', async () => {
    await showToCamera(VISITOR);
    await guard.waitForLastName('Phạm Thị Hương');
    expect(await guard.lastScanText()).toContain('Mã QR cá nhân');
    expect(await guard.lastScanText()).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates as people write them, never ISO
    const row = (await synced((rows) => rows.some((r) => r.person.visitorId === 'k3m9x2p7qa'))).find(
      (r) => r.person.visitorId === 'k3m9x2p7qa',
    );
    expect(row).toMatchObject({
      source: 'visitor_qr',
      person: { name: 'Phạm Thị Hương', birthYear: 1987, phone: '0912345678' },
    });
    expect(row?.declaration).toMatchObject({ version: 1, date: '2026-11-28', answers: { yesMask: 2 } });
  });

  it('reads the national health QR through the camera and keeps its opaque EXT', async () => {
    await showToCamera(NATIONAL);
    await guard.waitForLastName('LE VAN TAM');
    // The national QR carries no phone either: the card offers one in a tap.
    expect(await page.getByTestId('add-phone').count()).toBe(1);
    const row = (await synced((rows) => rows.some((r) => r.person.idMasked === '******004321'))).find(
      (r) => r.person.idMasked === '******004321',
    );
    expect(row).toMatchObject({ source: 'national_qr', person: { birthYear: 1979, birthDate: '1979-**-**' } });
    expect(row?.ext).toContain('<DN4380123456789<');
  });

  it('hears a keyboard-wedge scanner with no field focused, with or without Enter', async () => {
    await wedge(CCCD_WEDGE);
    await guard.waitForLastName('Nguy?n V?n H?i');
    expect(await guard.lastScanText()).toContain('lỗi font');
    await wedge(CCCD_NO_ENTER, false);
    await guard.waitForLastName('Tr?n Th? Mai');
    const rows = await synced((rows) => !!byId(rows, '038085003333') && !!byId(rows, '038190004444'));
    expect(byId(rows, '038085003333')).toMatchObject({
      source: 'cccd',
      person: { birthDate: '1985-03-03', gender: 'male' },
    });
    expect(byId(rows, '038190004444')).toMatchObject({ source: 'cccd', person: { birthYear: 1990 } });
  });

  it('scans a code from a photo when the camera cannot focus', async () => {
    const png = join(workDir, 'card.png');
    await writeQrPng(png, CCCD_PHOTO, 600);
    await page.getByTestId('photo-input').setInputFiles(png);
    await guard.waitForLastName('Hoàng Văn Phúc');
    expect(byId(await synced((rows) => !!byId(rows, '038070002222')), '038070002222')).toMatchObject({
      source: 'cccd',
      person: { name: 'Hoàng Văn Phúc' },
    });
  });

  it('refuses posters, bank codes and links with a clear message and records nothing', async () => {
    const before = (await stored()).length;
    await wedge('https://trieuson.example.vn/c/TS-DL-001?i=x&n=UBND&s=' + 'A'.repeat(86));
    await page.getByText('mã QR của chốt').waitFor();
    await wedge('00020101021238570010A000000727012700069704220113VQRQ00000000000208QRIBFTTA53037045802VN6304ABCD');
    await page.getByText('thanh toán ngân hàng').waitFor();
    await wedge('https://example.com/khuyen-mai');
    await page.getByText('example.com').waitFor();
    expect(await guard.pendingCount()).toBe(0);
    expect((await stored()).length).toBe(before);
  });

  it('treats a repeat scan as a repeat and checks the visitor out on request', async () => {
    await wedge(CCCD_WEDGE);
    await page.locator('[data-testid="last-scan"][data-outcome="repeat"]').waitFor();
    await page.getByRole('button', { name: 'Ghi nhận RA' }).click();
    await page.locator('[data-testid="last-scan"][data-outcome="checked_out"]').waitFor();
    const rows = await synced((rows) => rows.some((r) => r.kind === 'out' && r.ref === byId(rows, '038085003333')?.id));
    const arrival = byId(rows, '038085003333')!;
    expect(rows.filter((r) => r.person.idNumber === '038085003333' && r.kind === 'in')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'out' && r.ref === arrival.id)).toHaveLength(1);
  });

  it('checks in a family in one action: the lead and the companions who came along', async () => {
    await wedgeUnicode(CCCD_LEAD);
    await guard.waitForLastName('Bùi Văn Long');
    await page.getByRole('button', { name: /Người đi cùng/ }).click();
    const form = page.getByTestId('companions-form');
    await form.locator('input[name="name"]').first().fill('Bùi Thị Na');
    await form.locator('input[name="birthYear"]').first().fill('2018');
    await form.getByRole('button', { name: 'Thêm một người' }).click();
    await form.locator('input[name="name"]').nth(1).fill('Lê Thị Sen');
    await form.locator('input[name="birthYear"]').nth(1).fill('1942');
    await form.getByRole('button', { name: 'Ghi nhận cả nhóm' }).click();
    await form.waitFor({ state: 'detached' });
    const rows = await synced(
      (rows) => rows.filter((r) => r.groupId && r.groupId === byId(rows, '038075005555')?.id).length >= 2,
    );
    const lead = byId(rows, '038075005555')!;
    const group = rows.filter((r) => r.groupId === lead.id);
    expect(group.map((r) => r.person.name).sort()).toEqual(['Bùi Thị Na', 'Lê Thị Sen']);
    expect(group.every((r) => r.source === 'manual' && r.person.address === 'Xã Hợp Lý, Triệu Sơn')).toBe(true);
  });

  it('declares on behalf of a visitor without a smartphone, prefilled from the ID card', async () => {
    await page.getByRole('link', { name: 'Khai hộ' }).click();
    const form = page.getByTestId('declare-form');
    await form.waitFor();
    await wedgeUnicode(CCCD_BEHALF);
    await expect.poll(() => form.locator('input[name="name"]').inputValue()).toBe('Đinh Thị Lựu');
    await form.locator('[data-question="fever"]').getByRole('checkbox').check();
    await form.getByRole('button', { name: /Ghi nhận khai báo/ }).click();
    await form.getByText('cam kết thông tin là đúng').waitFor();
    await form.locator('[data-question="consent"]').getByRole('checkbox').check();
    await form.getByRole('button', { name: /Ghi nhận khai báo/ }).click();
    await page.getByTestId('declare-status').filter({ hasText: 'Đinh Thị Lựu' }).waitFor();
    const row = byId(await synced((rows) => !!byId(rows, '038045006666')), '038045006666');
    expect(row).toMatchObject({
      source: 'on_behalf',
      person: { name: 'Đinh Thị Lựu', birthYear: 1945, gender: 'female' },
    });
    expect(row?.declaration).toMatchObject({ version: 1, answers: { fever: true, cough: false, consent: true } });
  });

  it('prints blank paper sheets and backfills a row with its real times, sheet and row number', async () => {
    await page.getByRole('link', { name: 'Phiếu giấy' }).click();
    await page.getByRole('button', { name: /In phiếu trống/ }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('paper-table').locator('tbody tr').count()).toBe(15);
    expect(await page.getByTestId('paper-table').locator('thead').textContent()).toContain('Sốt');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Quay lại' }).click();

    const yesterday = new Date(Date.now() - 86_400_000);
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    const form = page.getByTestId('paper-form');
    await form.locator('input[name="sheet"]').fill('P-01');
    await form.locator('input[name="row"]').fill('3');
    await form.locator('input[name="date"]').fill(day);
    await form.locator('input[name="timeIn"]').fill('07:30');
    await form.locator('input[name="timeOut"]').fill('08:15');
    await form.locator('input[name="name"]').fill('Đỗ Thị Hoa');
    await form.locator('input[name="birthYear"]').fill('1950');
    await form.locator('input[name="phone"]').fill('0977000111');
    await form.locator('[data-question="cough"]').getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Nhập dòng này' }).click();
    await page.getByTestId('paper-status').waitFor();
    // The cough ticked on the sheet is a symptom: said at once, and carried to the server's risk counts.
    expect(await page.getByTestId('paper-risk').textContent()).toBe('⚠ Có triệu chứng: ho');
    expect(await form.locator('input[name="row"]').inputValue()).toBe('4');

    const rows = (await synced((rows) => rows.filter((r) => r.paper?.sheet === 'P-01').length >= 2)).filter(
      (r) => r.paper?.sheet === 'P-01',
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(['in', 'out']);
    const arrival = rows.find((r) => r.kind === 'in')!;
    const departure = rows.find((r) => r.kind === 'out')!;
    const expectedIn = new Date(yesterday.getFullYear(), yesterday.getMonth(), yesterday.getDate(), 7, 30).getTime();
    expect(arrival).toMatchObject({
      source: 'paper',
      paper: { sheet: 'P-01', row: 3 },
      deviceTime: expectedIn,
      person: { name: 'Đỗ Thị Hoa', phone: '0977000111' },
    });
    expect(arrival.declaration?.answers).toMatchObject({ cough: true, fever: false });
    // Judged on the sheet's day (yesterday), when the declaration was current.
    expect(arrival.risk).toMatchObject({ status: 'current', kinds: ['symptom'], signals: ['cough'] });
    expect(departure).toMatchObject({ ref: arrival.id, deviceTime: expectedIn + 45 * 60_000 });
  });

  it('lists today with search without diacritics, counts by source, and checks everyone out at closing', async () => {
    await page.getByRole('link', { name: 'Hôm nay' }).click();
    await page.getByTestId('today').waitFor();
    await page.getByRole('searchbox').fill('bui van long');
    await expect.poll(() => page.getByTestId('today-row').count()).toBe(1);
    expect(await page.getByTestId('today-row').textContent()).toContain('Đã gửi');
    await page.getByRole('searchbox').fill('');
    const bySource = await page.getByTestId('today-by-source').textContent();
    expect(bySource).toContain('Căn cước công dân');
    expect(bySource).toContain('Khai hộ');

    const insideBefore = (await stored()).filter((r) => r.kind === 'in' && r.source !== 'paper').length - 1; // minus the checked-out visitor
    await page.getByRole('button', { name: /Ghi nhận RA cho tất cả/ }).click();
    await page.getByText(/Đã ghi nhận RA cho \d+ người/).waitFor();
    await page.getByTestId('today-inside').filter({ hasText: ': 0' }).waitFor();
    const everyoneOut = (rows: StoredCheckIn[]) => {
      const closed = new Set(rows.filter((r) => r.kind === 'out').map((r) => r.ref));
      return rows.filter((r) => r.kind === 'in').every((a) => closed.has(a.id));
    };
    const rows = await synced(everyoneOut);
    const arrivals = rows.filter((r) => r.kind === 'in');
    const closed = new Set(rows.filter((r) => r.kind === 'out').map((r) => r.ref));
    expect(arrivals.every((a) => closed.has(a.id))).toBe(true);
    expect(rows.filter((r) => r.kind === 'out').length).toBe(insideBefore + 2);
  });
});
