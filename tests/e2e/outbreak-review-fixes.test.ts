/**
 * A district official's review of the outbreak console, in Chromium against the real server process: a symptomatic
 * case needs its onset (refused beside the field, nothing stored); F1 decisions are asked once more by name; the
 * investigation's buttons fit a 360 px phone; the session ends mid-call (the sign-in form says so, the typed call
 * comes back, the page is the same); a positive call fills the conversion form; an administrator cannot lock
 * their own account and is asked before locking another. With REVIEW_SHOTS=<dir> it saves screenshots there.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, Person } from '../../src/shared/protocol';
import type { OutbreakCase } from '../../src/shared/outbreak-api';
import { openDatabase } from '../../src/server/db/database';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { phoneOverflow } from '../support/overflow';
import { createEnrolLink, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { enrolSim, pushOnce } from '../support/sim-device';

const PASSWORD = 'mot-cau-mat-khau-du-dai-2026';
const H = 3_600_000;
const person = (name: string, id: string, address?: string): Person => ({
  name,
  idNumber: `0380950000${id}`,
  phone: `09120000${id}`,
  ...(address ? { address } : {}),
});
const AN = person('Nguyễn Văn An', '41', 'Thôn 3, Xã Dân Lực');
const BINH = person('Lê Thị Bình', '42', 'Thôn 5, Xã Dân Lực');
const CUONG = person('Trần Văn Cường', '43', 'Thôn 6, Xã Dân Lực');
const DUNG = person('Phạm Thị Dung', '44', 'Thôn 7, Xã Dân Lực');
const SHOTS = process.env.REVIEW_SHOTS;

/** A `datetime-local` value in Vietnam time (the browser contexts below run in that zone). */
const vnInput = (ms: number) => new Date(ms + 7 * H).toISOString().slice(0, 16);

describe('outbreak console after the district review', () => {
  let server: ServerProcess;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    createAccountWithCli(server.dataDir, 'quantri', PASSWORD);
    createAccountWithCli(server.dataDir, 'truyvet', PASSWORD, ['--role', 'tracer']);
    createAccountWithCli(server.dataDir, 'tramyte.danluc', PASSWORD, ['--role', 'officer', '--unit', 'TS-DL']);
    createAccountWithCli(server.dataDir, 'canbo.cu', PASSWORD, ['--role', 'officer', '--unit', 'TS-DL']);
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
    const anIn = visit(AN, now - 5 * H);
    const pushed = await pushOnce(server.url, device, [
      anIn,
      visit(AN, now - 4 * H, 'out', anIn.id),
      visit(BINH, now - 4.5 * H),
      visit(CUONG, now - 4.6 * H),
      visit(DUNG, now - 4.7 * H),
    ]);
    expect(pushed?.results.every((r) => r.status === 'accepted')).toBe(true);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function signedIn(
    username: string,
    width = 1366,
    height = 768,
  ): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width, height }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
    await new ConsolePage(page, server.url).signIn(username, PASSWORD);
    return { page, context };
  }
  /** Saves the page at both sizes (1366×768 and 360×740), then puts the viewport back. */
  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    const was = page.viewportSize()!;
    for (const [width, height] of [
      [1366, 768],
      [360, 740],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize(was);
  };
  const cases = async (page: Page) =>
    (await page.evaluate(async () => (await fetch('/api/admin/outbreak/cases')).json())) as { cases: OutbreakCase[] };

  let tracer: Page;

  it('refuses a case with symptoms but no onset beside the field, stores nothing, then stores the onset', async () => {
    tracer = (await signedIn('truyvet')).page;
    await tracer.goto(`${server.url}/console/outbreak`);
    await tracer.fill('input[name=name]', 'nguyen van an');
    await tracer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await tracer.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).click();
    const form = tracer.getByTestId('case-form');
    await form.locator('input[name=noSymptoms]').uncheck();
    await form.locator('input[name=onset]').fill('');
    await form.getByRole('button', { name: 'Ghi nhận ca bệnh' }).click();
    const why = form.getByTestId('onset-error');
    await why.waitFor();
    expect(await why.textContent()).toBe('Hãy nhập ngày khởi phát triệu chứng, hoặc đánh dấu “Không có triệu chứng”.');
    expect(await form.locator('input[name=onset]').getAttribute('aria-invalid')).toBe('true');
    await shot(tracer, 'case-onset-refused');
    expect((await cases(tracer)).cases).toEqual([]);
    const onset = Date.now() - 26 * H;
    await form.locator('input[name=onset]').fill(vnInput(onset));
    expect(await why.count()).toBe(0); // the refusal goes once the field is filled
    await form.getByRole('button', { name: 'Ghi nhận ca bệnh' }).click();
    await tracer.getByTestId('ob-contacts').waitFor();
    const [stored] = (await cases(tracer)).cases;
    expect(stored?.onsetAt).toBe(Math.floor(onset / 60_000) * 60_000);
    expect(await tracer.getByTestId('ob-case-summary').textContent()).toContain('Ngày khởi phát triệu chứng');
    expect(await tracer.getByTestId('ob-case-summary').textContent()).not.toContain('Không có triệu chứng');
  });

  it('fits the F1 decisions on a 360 px phone, as cards with each line named', async () => {
    await tracer.setViewportSize({ width: 360, height: 740 });
    const row = tracer.locator('[data-testid=ob-contacts] tr[data-name="Lê Thị Bình"]');
    for (const name of ['Xác định F1', 'Loại']) {
      const box = (await row.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(360);
    }
    const phone = row.locator('td[data-label="Điện thoại"]');
    expect(await phone.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Điện thoại: "');
    expect(await phoneOverflow(tracer, 'investigation')).toBeNull();
    await shot(tracer, 'investigation');
    await tracer.setViewportSize({ width: 1366, height: 768 });
  });

  it('asks once more, by name, before "Loại" and "Xác định F1"; "Thôi" leaves the contact undecided', async () => {
    const contacts = tracer.getByTestId('ob-contacts');
    const cuong = contacts.locator('tr[data-name="Trần Văn Cường"]');
    await cuong.getByRole('button', { name: 'Loại', exact: true }).click();
    expect(await cuong.getByRole('alert').textContent()).toBe('Hãy ghi lý do loại.');
    await cuong.locator('input[name=reason]').fill('chỉ đi qua cổng');
    await cuong.getByRole('button', { name: 'Loại', exact: true }).click();
    const ask = cuong.getByTestId('ob-decision-confirm');
    expect(await ask.locator('p').textContent()).toBe(
      'Loại Trần Văn Cường khỏi danh sách F1 (lý do: chỉ đi qua cổng)? Người này sẽ không được theo dõi; đã loại thì không sửa lại được.',
    );
    await shot(tracer, 'dismiss-confirm');
    await ask.getByRole('button', { name: 'Thôi' }).click();
    await tracer.reload();
    await cuong.waitFor();
    expect(await cuong.locator('td').nth(4).textContent()).toBe('Chờ xác minh');
    await cuong.locator('input[name=reason]').fill('chỉ đi qua cổng');
    await cuong.getByRole('button', { name: 'Loại', exact: true }).click();
    await cuong.getByRole('button', { name: 'Đồng ý, loại' }).click();
    await expect.poll(() => cuong.locator('td').nth(4).textContent()).toBe('Loại');
    expect(await cuong.textContent()).toContain('chỉ đi qua cổng');

    const binh = contacts.locator('tr[data-name="Lê Thị Bình"]');
    await binh.getByRole('button', { name: 'Xác định F1', exact: true }).click();
    expect(await binh.getByTestId('ob-decision-confirm').locator('p').textContent()).toBe(
      'Xác định Lê Thị Bình là F1 và bắt đầu theo dõi? Đã xác định thì không sửa lại được.',
    );
    expect(await binh.locator('td').nth(4).textContent()).toBe('Chờ xác minh');
    await shot(tracer, 'confirm-f1');
    await binh.getByRole('button', { name: 'Đồng ý, xác định F1' }).click();
    await expect.poll(() => binh.locator('td').nth(4).textContent()).toBe('Xác định F1');
  });

  it('says the session ended, keeps the typed call across the new sign-in, and returns to the page', async () => {
    const { page } = await signedIn('tramyte.danluc', 360, 740);
    await page.goto(`${server.url}/console/outbreak/calls`);
    const card = page.locator('[data-testid=ob-call][data-name="Lê Thị Bình"]');
    await card.getByRole('button', { name: 'Ghi kết quả' }).click();
    await card.locator('input[name=symptoms]').fill('Sốt 38,5, ho');
    await card.locator('input[name=note]').fill('Gọi lúc 9 giờ, người nhà nghe máy');
    // The session ends (12 h), as the reviewer made it: the stored expiry moves into the past.
    const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
    await db.updateTable('sessions').set({ expires_at: 0 }).execute();
    await card.getByRole('button', { name: 'Lưu' }).click();
    const notice = page.getByTestId('login-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Phiên làm việc đã hết; hãy đăng nhập lại. Kết quả gọi chưa lưu vẫn được giữ trên máy này; bấm Lưu để gửi.',
    );
    await shot(page, 'session-expired');
    expect(await db.selectFrom('outbreak_entries').select('id').execute()).toEqual([]);
    await page.fill('input[name=username]', 'tramyte.danluc');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await card.locator('input[name=symptoms]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/outbreak/calls');
    expect(await card.locator('input[name=symptoms]').inputValue()).toBe('Sốt 38,5, ho');
    expect(await card.locator('input[name=note]').inputValue()).toBe('Gọi lúc 9 giờ, người nhà nghe máy');

    // The positive call then fills the conversion form: symptoms (so the onset is asked for), the place, the test.
    await card.locator('select[name=testType]').selectOption('pcr');
    await card.locator('select[name=testResult]').selectOption('positive');
    await card.locator('select[name=location]').selectOption('home');
    await card.getByRole('button', { name: 'Lưu' }).click();
    const form = card.getByTestId('case-form');
    await form.waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('draft')))).toEqual([]);
    expect(await form.locator('input[name=noSymptoms]').isChecked()).toBe(false);
    expect(await form.locator('select[name=isolation]').inputValue()).toBe('home');
    expect(await form.locator('select[name=testType]').inputValue()).toBe('pcr');
    expect(await form.getByTestId('case-from-call').textContent()).toBe(
      'Cuộc gọi vừa ghi triệu chứng: “Sốt 38,5, ho”. Hãy nhập ngày khởi phát triệu chứng.',
    );
    expect(await form.locator('input[name=onset]').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Chuyển thành ca bệnh (F0)' }).click();
    await form.getByTestId('onset-error').waitFor();
    await shot(page, 'convert-prefilled');
    const onset = Date.now() - 20 * H;
    await form.locator('input[name=onset]').fill(vnInput(onset));
    await form.getByRole('button', { name: 'Chuyển thành ca bệnh (F0)' }).click();
    await expect.poll(() => card.count()).toBe(0);
    const stored = await db
      .selectFrom('outbreak_cases')
      .select(['name', 'onset_at', 'isolation', 'test_type'])
      .where('name', '=', 'Lê Thị Bình')
      .executeTakeFirst();
    expect(stored).toEqual({
      name: 'Lê Thị Bình',
      onset_at: Math.floor(onset / 60_000) * 60_000,
      isolation: 'home',
      test_type: 'pcr',
    });
    await db.destroy();
  });

  it('does not let an administrator lock their own account, and asks before locking another', async () => {
    const { page } = await signedIn('quantri');
    await page.goto(`${server.url}/console/users`);
    const mine = page.locator('tr[data-username=quantri]');
    await mine.waitFor();
    expect(await mine.getByRole('button', { name: 'Khoá' }).isDisabled()).toBe(true);
    expect(await mine.locator('small').textContent()).toBe(
      'Đây là tài khoản bạn đang dùng; không tự khoá được. Nhờ một quản trị khác khoá nếu cần.',
    );
    const other = page.locator('tr[data-username="canbo.cu"]');
    await other.getByRole('button', { name: 'Khoá' }).click();
    const ask = other.getByTestId('user-disable-confirm');
    expect(await ask.locator('p').textContent()).toContain('Khoá tài khoản canbo.cu (canbo.cu)?');
    await shot(page, 'user-disable-confirm');
    await ask.getByRole('button', { name: 'Thôi' }).click();
    expect(await other.textContent()).not.toContain('Đã khoá');
    await other.getByRole('button', { name: 'Khoá' }).click();
    await other.getByRole('button', { name: 'Đồng ý, khoá tài khoản' }).click();
    await expect.poll(() => other.textContent()).toContain('Đã khoá');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'users');
    expect(errors).toEqual([]);
  });
});
