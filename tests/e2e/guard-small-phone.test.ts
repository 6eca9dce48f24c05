/**
 * The guard app on a 360×640 phone (and a 1280×800 laptop), in Debian Chromium against the real server process,
 * as a reviewer found it: after each result (a scan, typed entry, a khai hộ) the verdict is on screen without
 * scrolling, online and offline, and "Mất mạng" is said once; today's list marks who declared a risk in words;
 * typed ID numbers are checked; a risk result says the check-in IS recorded and the person waits at the gate;
 * the sync box right after enrolment, the storage size and the search box read right.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../../src/shared/questionnaire/default';
import { encodeVisitorCode, flagsFromAnswers } from '../../src/shared/scan/visitor-code';
import { launchChromium } from '../support/chromium';
import { writeQrVideo } from '../support/fake-camera';
import { createEnrolLink, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
/** Screenshots to read by eye (kept after the run). */
const SHOTS = process.env.GUARD_FIX_SHOTS ?? tmpdir();
const SICK = 'Hoàng Thị Mai';

/** `YYYY-MM-DD` today, local time (the browser shares the machine's zone). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Where an element is against the window, as the guard sees it. */
async function onScreen(locator: Locator): Promise<{ top: number; bottom: number; height: number }> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { top: Math.round(box.top), bottom: Math.round(box.bottom), height: window.innerHeight };
  });
}

/** Waits until the result card's first line and the name are inside the window (a smooth scroll may be running). */
async function expectVerdictOnScreen(page: Page, name: string): Promise<void> {
  const card = page.getByTestId('last-scan');
  await page.getByTestId('last-name').filter({ hasText: name }).waitFor();
  const seen = async () => {
    const [first, who] = await Promise.all([
      onScreen(card.locator('p').first()),
      onScreen(card.getByTestId('last-name')),
    ]);
    return first.top >= 0 && who.bottom <= who.height ? 'in view' : `first line ${first.top}, name ends ${who.bottom}`;
  };
  await expect.poll(seen, { timeout: 4_000, interval: 100 }).toBe('in view');
}

/** Types a visitor into the open typed-entry form and submits it. */
async function typeIn(page: Page, name: string, idNumber = ''): Promise<void> {
  const form = page.getByTestId('manual-form');
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="idNumber"]').fill(idNumber);
  await form.getByRole('button', { name: 'Ghi nhận vào chốt' }).click();
}

/** Opens the typed-entry form: by itself once a camera-less device gave up on the camera, else with "Nhập tay". */
async function openTypedEntry(page: Page): Promise<void> {
  const form = page.getByTestId('manual-form');
  const open = page.getByRole('button', { name: 'Nhập tay' });
  const deadline = Date.now() + 20_000;
  // It may open by itself just as the button is tapped (the button then goes): try again.
  while (!(await form.isVisible())) {
    if (Date.now() > deadline) throw new Error('the typed-entry form did not open within 20 s');
    await open.click({ timeout: 1_000 }).catch(() => undefined);
    await form.waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
}

describe('guard app on a small phone', () => {
  let server: ServerProcess;
  let cameraBrowser: Browser;
  let plainBrowser: Browser;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-small-phone-'));
    server = await startServerProcess();
    const yes = (...ids: string[]) =>
      flagsFromAnswers(yesNoQuestionIds(DEFAULT_QUESTIONNAIRE).map((id) => ids.includes(id)));
    const sick = encodeVisitorCode(
      { visitorId: 'mai0000001', name: SICK, birthYear: 1980 },
      { date: today(), version: 1, flags: yes('fever', 'cough', 'consent'), risk: ['symptom'] },
    );
    // Always in view: read once (a code seen without a break is not reported again).
    const video = join(workDir, 'camera.y4m');
    await writeQrVideo(video, [sick], { framesPerCode: 5, width: 320, height: 240 });
    cameraBrowser = await launchChromium({ fakeVideo: video });
    plainBrowser = await launchChromium();
  });

  afterAll(async () => {
    await cameraBrowser?.close();
    await plainBrowser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  describe('at 360×640, one device through a shift', () => {
    let page: Page;
    beforeAll(async () => {
      page = await (await cameraBrowser.newContext(PHONE)).newPage();
      await page.goto(await createEnrolLink(server.dataDir, 'TS-DL-001', server.url));
      await page.waitForURL('**/guard');
    });
    afterAll(() => page?.context().close());

    it('shows a scanned red card’s first line under the camera, without scrolling for it', async () => {
      // The camera reads the symptomatic personal QR: the red card's first line is on screen under the camera.
      await expectVerdictOnScreen(page, SICK);
      const card = page.getByTestId('last-scan');
      expect(await card.getAttribute('data-risk')).toBe('risk');
      expect(await card.locator('p').first().textContent()).toContain('⚠ Có triệu chứng: sốt, ho');
      // The camera stays on screen for the next visitor: most of the picture at least.
      const finder = await onScreen(page.locator('.viewfinder'));
      expect(Math.min(finder.bottom, finder.height) - Math.max(finder.top, 0)).toBeGreaterThan(
        (finder.bottom - finder.top) * 0.6,
      );
      await page.screenshot({ path: join(SHOTS, 'small-phone-scan.png') });
    });

    it('says the risky check-in is recorded and the person is held at the gate, never "Chưa vào chốt"', async () => {
      const notice = page.getByTestId('last-scan').getByTestId('risk-notice');
      expect(await notice.getByTestId('risk-hold').textContent()).toBe(
        'Đã ghi nhận lượt vào. Giữ người này ở cổng, chưa cho vào bên trong; đọc lời dặn dưới đây và hướng dẫn họ liên hệ trạm y tế.',
      );
      expect(await page.locator('main').textContent()).not.toContain('Chưa vào chốt');
    });

    it('refuses a 5-digit ID number with the reason and records nothing', async () => {
      await openTypedEntry(page);
      await typeIn(page, 'Nguyễn Văn Bình', '12345');
      const form = page.getByTestId('manual-form');
      await expect
        .poll(() => form.locator('.field-error').allTextContents())
        .toEqual(['Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số).']);
      expect(await page.getByTestId('last-name').textContent()).toBe(SICK);
      await form.screenshot({ path: join(SHOTS, 'small-phone-id-refused.png') });
    });

    it('brings the card back on screen from the bottom of the typed form', async () => {
      await typeIn(page, 'Nguyễn Văn Bình', '038 095 001 234');
      await expectVerdictOnScreen(page, 'Nguyễn Văn Bình');
      await expect
        .poll(async () => (await page.getByTestId('syncbar').textContent()) ?? '')
        .toMatch(/Đã gửi hết.*Gửi thành công lúc/);
    });

    it('offline, says "Mất mạng" once (in the sync box) and still shows the verdict at once', async () => {
      await page.context().setOffline(true);
      await page.getByTestId('sync-error').filter({ hasText: 'Mất mạng' }).waitFor();
      expect(((await page.locator('main').innerText()).match(/Mất mạng/g) ?? []).length).toBe(1);
      await typeIn(page, 'Lê Thị Cúc', 'C1234567');
      await expectVerdictOnScreen(page, 'Lê Thị Cúc');
      await page.screenshot({ path: join(SHOTS, 'small-phone-offline.png') });
    });

    it('marks the symptomatic arrival in today’s list with ⚠ and words; the search hint is whole', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Hôm nay' }).click();
      const rows = page.getByTestId('today-row');
      await rows.filter({ hasText: 'Lê Thị Cúc' }).waitFor();
      const marks = await rows.evaluateAll((lis) =>
        lis.map((li) => [
          li.querySelector('strong')?.textContent ?? '',
          li.querySelector('[data-testid="today-risk"]')?.textContent ?? '',
        ]),
      );
      expect(Object.fromEntries(marks)).toEqual({
        'Lê Thị Cúc': '',
        'Nguyễn Văn Bình': '',
        [SICK]: '⚠ Có triệu chứng',
      });
      const search = page.locator('input[type="search"]');
      expect(await search.getAttribute('placeholder')).toBe('Tìm theo tên, SĐT, số giấy tờ');
      expect(await placeholderCut(search)).toBe(false);
      await page.screenshot({ path: join(SHOTS, 'small-phone-today.png'), fullPage: true });
    });

    it('writes sizes in Cài đặt with the Vietnamese decimal comma', async () => {
      await page.getByRole('link', { name: 'Cài đặt' }).click();
      await expect
        .poll(async () => (await page.getByTestId('storage-used').textContent()) ?? '')
        .toMatch(/^\d+(,\d)? (KB|MB|GB) trên \d+,\d (MB|GB) \(\d+ %\)$/);
      await page.screenshot({ path: join(SHOTS, 'small-phone-settings.png') });
      await page.context().setOffline(false);
    });
  });

  it('at 360×640 says nothing-to-send right after enrolment, and shows a khai hộ result with the hold at the gate', async () => {
    const page = await (await plainBrowser.newContext(PHONE)).newPage();
    await page.goto(await createEnrolLink(server.dataDir, 'TS-DL-001', server.url));
    await page.waitForURL('**/guard');
    const bar = page.getByTestId('syncbar');
    await bar.waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    expect((await bar.innerText()).split('\n')[0]).toBe('Chưa có gì để gửi');
    expect(await bar.textContent()).not.toMatch(/Đã gửi hết|Chưa gửi lần nào/);
    await page.screenshot({ path: join(SHOTS, 'small-phone-enrolled.png') });

    await page.getByRole('navigation').getByRole('link', { name: 'Khai hộ' }).click();
    const form = page.getByTestId('declare-form');
    await form.locator('input[name=name]').fill(SICK);
    await form.locator('input[name=q_fever]').check();
    await form.locator('input[name=q_cough]').check();
    await form.locator('input[name=q_consent]').check();
    await form.locator('button[type=submit]').click();
    const status = page.getByTestId('declare-status');
    await expect.poll(() => status.textContent()).toBe(`Đã ghi nhận khai hộ cho ${SICK}`);
    await expect
      .poll(async () => {
        const box = await onScreen(status);
        return box.top >= 0 && box.bottom <= box.height;
      })
      .toBe(true);
    const notice = page.getByTestId('declare-risk').getByTestId('risk-notice');
    expect(await notice.getByTestId('risk-hold').textContent()).toContain('Đã ghi nhận lượt vào. Giữ người này ở cổng');
    expect(await notice.getByTestId('risk-instruction').textContent()).toBe(
      'Không vào bên trong lúc này. Đề nghị đeo khẩu trang, về nơi ở, hạn chế tiếp xúc và gọi ngay cho trạm y tế.',
    );
    await page.screenshot({ path: join(SHOTS, 'small-phone-khai-ho.png') });
    await page.getByRole('navigation').getByRole('link', { name: 'Hôm nay' }).click();
    const row = page.getByTestId('today-row').filter({ hasText: SICK });
    expect(await row.getByTestId('today-risk').textContent()).toBe('⚠ Có triệu chứng');
    expect(await row.getAttribute('class')).toContain('inside');
    await page.context().close();
  });

  it('at 1280×800 shows the card after "Nhập tay" (it was above the window), smoothly or at once', async () => {
    const context = await plainBrowser.newContext({ ...LAPTOP, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(await createEnrolLink(server.dataDir, 'TS-DL-001', server.url));
    await page.waitForURL('**/guard');
    await openTypedEntry(page);
    await typeIn(page, 'Trịnh Văn Hoà', '172345678');
    await expectVerdictOnScreen(page, 'Trịnh Văn Hoà');
    await typeIn(page, 'Đỗ Thị Lan');
    await expectVerdictOnScreen(page, 'Đỗ Thị Lan');
    await page.screenshot({ path: join(SHOTS, 'laptop-typed.png') });
    await page.getByRole('navigation').getByRole('link', { name: 'Hôm nay' }).click();
    expect(await placeholderCut(page.locator('input[type="search"]'))).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'laptop-today.png') });
    await context.close();
  });
});

/** True when the input's placeholder is wider than the room for text inside the box (the guard sees it cut). */
function placeholderCut(input: Locator): Promise<boolean> {
  return input.evaluate((el) => {
    const field = el as HTMLInputElement;
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(field.placeholder).width > room;
  });
}
