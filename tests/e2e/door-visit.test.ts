/**
 * Issue 12 at the door, in Chromium with the fake camera against the real server process: a double tap
 * on "Bật camera để quét" while the camera starts saves one check-in; a person typed again is offered
 * check-out; a wedge scan that lost its Vietnamese letters is flagged, corrected in one step, and the
 * server's tracing shows the corrected name (original kept); a phone added at the door is stored and
 * comes along with the next scan of the same card that day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { searchPersons } from '../../src/server/tracing/person-search-repo';
import { launchChromium } from '../support/chromium';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import { phoneOverflow } from '../support/overflow';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const CCCD_CAMERA = '038088007777||Ngô Thị Thu|07071988|Nữ|Thôn 2, Xã Thọ Dân, Huyện Triệu Sơn, Thanh Hóa|12122021';
// A wedge scanner on a layout that drops Vietnamese letters: no "?" anywhere.
const CCCD_DROPPED = '038070001111||Trnh Vn c|05051970|Nam|Thn 4, X Dn Lc, Huyn Triu Sn|15082021';
const NATIONAL =
  '******007788|TRAN THI NGA|1972-**-**|1|Q1234500000|Q9876500000<1<DN4380555566667<09*****321<MEUCIQDx2b';
const CCCD_PHONE = '038060008888||Lương Văn Khải|08081960|Nam|Xóm 1, Xã Hợp Thành, Triệu Sơn|01022022';

describe('one scan, one visit; names and phones at the door', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let guard: GuardPage;
  let workDir: string;
  let video: string;

  const synced = async () => {
    await guard.waitForPending(0, 30_000);
    return readCheckins(server.dataDir);
  };
  const ins = async (idNumber: string) =>
    (await synced()).filter((r) => r.kind === 'in' && r.person.idNumber === idNumber);
  const wedge = async (text: string) => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const wedgeUnicode = (text: string) =>
    page.evaluate((payload) => {
      for (const key of [...payload, 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, text);
  /** What the server's tracing search shows for an ID number (production query on the stored file). */
  const traced = async (idNumber: string) => {
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'), { readonly: true });
    try {
      return await searchPersons(db, { idNumber });
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-door-visit-'));
    video = join(workDir, 'camera.y4m');
    await writeQrVideo(video, ['-'], { framesPerCode: 0, blankFrames: 3 });
    server = await startServerProcess();
    browser = await launchChromium({ fakeVideo: video });
    page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
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

  it('saves exactly one check-in when "Bật camera để quét" is tapped twice while the camera starts', async () => {
    await writeQrVideo(video, [CCCD_CAMERA], { framesPerCode: 40 });
    await page.getByRole('button', { name: 'Tắt camera' }).click();
    // Two taps 5 ms apart: the second lands while getUserMedia is still pending.
    await page.getByRole('button', { name: 'Bật camera để quét' }).dblclick({ delay: 5, force: true });
    await guard.waitForLastName('Ngô Thị Thu');
    await page.waitForTimeout(3_000); // the code stays in view: more reads, still one visit
    expect(await ins('038088007777')).toHaveLength(1);
    await writeQrVideo(video, ['-'], { framesPerCode: 0, blankFrames: 3 });
    await page.getByRole('button', { name: 'Tắt camera' }).click();
  });

  it('saves one check-in when two reads of the same card arrive in the same moment', async () => {
    const twice = '038091009999||Mai Thị Lành|09091991|Nữ|Xóm 3, Xã An Nông|03032022';
    // Two complete scans in one task: the second arrives before the first has been saved.
    await page.evaluate((payload) => {
      for (let i = 0; i < 2; i++)
        for (const key of [...payload, 'Enter'])
          window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, twice);
    await guard.waitForLastName('Mai Thị Lành');
    await page.waitForTimeout(500);
    expect(await ins('038091009999')).toHaveLength(1);
  });

  it('offers check-out, not a second check-in, when the same person is typed again', async () => {
    const typeIn = async () => {
      const form = page.getByTestId('manual-form');
      if (!(await form.isVisible())) await page.getByRole('button', { name: 'Nhập tay' }).click();
      await form.locator('input[name="name"]').fill('Hà Văn Sơn');
      await form.locator('input[name="birthYear"]').fill('1966');
      await form.getByRole('button', { name: /Ghi nhận/ }).click();
    };
    await typeIn();
    await page.locator('[data-testid="last-scan"][data-outcome="saved"]').waitFor();
    await typeIn();
    await page.locator('[data-testid="last-scan"][data-outcome="repeat"]').waitFor();
    await page.getByRole('button', { name: 'Ghi nhận RA' }).click();
    await page.locator('[data-testid="last-scan"][data-outcome="checked_out"]').waitFor();
    const rows = (await synced()).filter((r) => r.person.name === 'Hà Văn Sơn');
    expect(rows.map((r) => r.kind).sort()).toEqual(['in', 'out']);
    expect(await page.getByTestId('manual-form').count()).toBe(0); // the form made way for the check-out offer
  });

  it('flags a wedge scan that lost its Vietnamese letters, corrects it in one step, and tracing shows the corrected name', async () => {
    await wedge(CCCD_DROPPED);
    await guard.waitForLastName('Trnh Vn c');
    const fix = page.getByTestId('fix-name-form');
    await fix.waitFor();
    expect(await fix.textContent()).toContain('mất chữ');
    expect(await page.getByTestId('fix-name').inputValue()).toBe('Trnh Vn c');
    expect(await phoneOverflow(page, 'guard fix-name form')).toBeNull();
    await page.getByTestId('fix-name').fill('Trịnh Văn Đức');
    await page.getByTestId('fix-address').fill('Thôn 4, Xã Dân Lực, Huyện Triệu Sơn');
    await fix.getByRole('button', { name: 'Lưu tên đã sửa' }).click();
    await page.getByTestId('fix-status').filter({ hasText: 'bản gốc vẫn được giữ' }).waitFor();
    await guard.waitForLastName('Trịnh Văn Đức');
    const [arrival] = await ins('038070001111');
    expect(arrival?.person).toMatchObject({ name: 'Trnh Vn c', address: 'Thn 4, X Dn Lc, Huyn Triu Sn' }); // the original, kept
    const [found] = await traced('038070001111');
    expect(found).toMatchObject({
      name: 'Trịnh Văn Đức',
      originalName: 'Trnh Vn c',
      address: 'Thôn 4, Xã Dân Lực, Huyện Triệu Sơn',
    });
  });

  it('offers a phone field after a CCCD scan, stores it, and remembers it for that card today', async () => {
    await wedgeUnicode(CCCD_PHONE);
    await guard.waitForLastName('Lương Văn Khải');
    // A card carries no declaration: the card says so in words, in the warning colour, never a green tick.
    expect(await guard.lastScanText()).toContain('Chưa khai báo y tế');
    expect(await guard.lastScanText()).not.toContain('✔');
    expect(await page.getByTestId('last-scan').getAttribute('data-risk')).toBe('stale');
    await page.getByTestId('add-phone').click();
    const input = page.getByTestId('phone-input');
    expect(await input.getAttribute('inputmode')).toBe('tel');
    expect(await phoneOverflow(page, 'guard phone form')).toBeNull();
    await input.fill('0915 222 333');
    await page.getByTestId('phone-form').getByRole('button', { name: 'Lưu số' }).click();
    await page.getByTestId('fix-status').filter({ hasText: '0915 222 333' }).waitFor();
    await guard.waitForPending(0, 30_000);
    expect((await traced('038060008888'))[0]).toMatchObject({ name: 'Lương Văn Khải', phone: '0915 222 333' });

    await wedgeUnicode(CCCD_PHONE); // still inside: check out
    await page.getByRole('button', { name: 'Ghi nhận RA' }).click();
    await page.locator('[data-testid="last-scan"][data-outcome="checked_out"]').waitFor();
    await wedgeUnicode(CCCD_PHONE); // back later today: the phone comes along
    await page.locator('[data-testid="last-scan"][data-outcome="saved"]').waitFor();
    const visits = (await ins('038060008888')).sort((x, y) => x.deviceTime - y.deviceTime);
    expect(visits.map((r) => r.person.phone ?? null)).toEqual([null, '0915 222 333']);
  });

  it('offers a phone field after a national health QR scan and the tracer finds the phone', async () => {
    await wedgeUnicode(NATIONAL);
    await guard.waitForLastName('TRAN THI NGA');
    await page.getByTestId('add-phone').click();
    await page.getByTestId('phone-input').fill('0916 777 888');
    await page.getByTestId('phone-form').getByRole('button', { name: 'Lưu số' }).click();
    await page.getByTestId('fix-status').filter({ hasText: '0916 777 888' }).waitFor();
    await guard.waitForPending(0, 30_000);
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'), { readonly: true });
    try {
      const found = await searchPersons(db, { name: 'tran thi nga' });
      expect(found.map((p) => [p.name, p.idMasked, p.phone])).toEqual([
        ['TRAN THI NGA', '******007788', '0916 777 888'],
      ]);
    } finally {
      await db.destroy();
    }
  });
});
