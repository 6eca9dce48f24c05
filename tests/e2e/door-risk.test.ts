/**
 * Risk at the door, end to end on a real server process and Debian Chromium at a phone viewport:
 * the district sets its instruction and health-station phone in the console; a guard's fake camera reads a
 * symptomatic personal QR and a week-old one; the guard declares on behalf of a visitor with a cough; a
 * visitor's self check-in asks for today's declaration first and repeats yesterday's in one tap. Each
 * screen says the risk in words with the instruction, the server stores the flags, and the dashboard counts them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../../src/shared/questionnaire/default';
import { encodeVisitorCode, flagsFromAnswers, parseVisitorCode } from '../../src/shared/scan/visitor-code';
import { launchChromium } from '../support/chromium';
import { ConsolePage, createAccountWithCli } from '../support/console-page';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import { phoneOverflow } from '../support/overflow';
import { posterLinkFor } from '../support/poster-link';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';

/** Screenshots for reading the screens by eye (kept after the run). */
const SHOTS = process.env.DOOR_RISK_SHOTS ?? tmpdir();
const PHONE = { viewport: { width: 360, height: 740 } };
const INSTRUCTION = 'Chưa vào chốt. Về nhà tự cách ly và gọi ngay trạm y tế xã Dân Lực.';
const HEALTH_PHONE = '0237 3865 115';
const SICK = 'Lê Văn Sốt';
const STALE = 'Trần Thị Cũ';
const COUGH = 'Phạm Văn Ho';
const SELF = 'Hoàng Thị Tự';

/** `YYYY-MM-DD` of a day `offset` days from today, local time (the browsers share the machine's zone). */
function day(offset = 0): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const yesTo = (...ids: string[]) =>
  flagsFromAnswers(yesNoQuestionIds(DEFAULT_QUESTIONNAIRE).map((id) => ids.includes(id)));

/** Stores a declaration for the phone's first profile as the app would have stored it on `date`. */
async function storeDeclaration(page: Page, date: string, answers: Record<string, boolean>): Promise<void> {
  await page.evaluate(
    ({ date, answers, savedAt }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tram-qr');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['profiles', 'declarations'], 'readwrite');
          const all = tx.objectStore('profiles').getAll();
          all.onsuccess = () => {
            const profileId = (all.result[0] as { id: string }).id;
            tx.objectStore('declarations').put({
              profileId,
              date,
              declaration: { version: 1, date, answers },
              savedAt,
            });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { date, answers, savedAt: new Date(`${date}T08:00:00`).getTime() },
  );
}

/** Waits until the server holds a check-in of this person, and returns it. */
async function storedOf(server: ServerProcess, name: string) {
  await expect
    .poll(async () => (await readCheckins(server.dataDir)).some((c) => c.person.name === name && c.kind === 'in'), {
      timeout: 30_000,
      interval: 500,
    })
    .toBe(true);
  return (await readCheckins(server.dataDir)).find((c) => c.person.name === name && c.kind === 'in');
}

describe('risk at the door', () => {
  let server: ServerProcess;
  let consoleBrowser: Browser;
  let guardBrowser: Browser;
  let visitorBrowser: Browser;
  let admin: Page;
  let guardPage: Page;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-door-risk-'));
    server = await startServerProcess();
    createAccountWithCli(server.dataDir, 'quantri', 'mat-khau-rat-dai-1');
    consoleBrowser = await launchChromium();
    admin = await consoleBrowser.newPage({ viewport: { width: 1280, height: 900 } });
    await new ConsolePage(admin, server.url).signIn('quantri', 'mat-khau-rat-dai-1');
  });

  afterAll(async () => {
    await guardBrowser?.close();
    await visitorBrowser?.close();
    await consoleBrowser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('lets the district set the instruction, the health station phone and the validity', async () => {
    await admin.goto(`${server.url}/console/questionnaire`);
    const fields = admin.getByTestId('risk-settings');
    await fields.waitFor();
    await fields.locator('textarea[name=riskInstruction]').fill(INSTRUCTION);
    await fields.locator('input[name=healthPhone]').fill(HEALTH_PHONE);
    await fields.locator('input[name=declarationValidDays]').fill('1');
    await admin.locator('form:has([data-testid=risk-settings]) button[type=submit]').click();
    await admin.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await fields.screenshot({ path: join(SHOTS, 'risk-settings.png') });
    const policy = (await (await fetch(`${server.url}/api/risk-policy`)).json()) as Record<string, unknown>;
    expect(policy).toEqual({ declarationValidDays: 1, instruction: INSTRUCTION, healthPhone: HEALTH_PHONE });
  });

  it('shows a symptomatic personal QR in words with the instruction, and a week-old one as stale; the server stores the flags', async () => {
    const sick = encodeVisitorCode(
      { visitorId: 'sick000001', name: SICK, birthYear: 1980 },
      { date: day(), version: 1, flags: yesTo('fever', 'cough', 'consent'), risk: ['symptom'] },
    );
    const stale = encodeVisitorCode(
      { visitorId: 'stale00001', name: STALE, birthYear: 1975 },
      { date: day(-7), version: 1, flags: yesTo('consent'), risk: [] },
    );
    const video = join(workDir, 'camera.y4m');
    await writeQrVideo(video, [sick, stale], { framesPerCode: 40, blankFrames: 20 });
    guardBrowser = await launchChromium({ fakeVideo: video });
    guardPage = await guardBrowser.newPage(PHONE);
    const guard = new GuardPage(guardPage);
    await guardPage.goto(await createEnrolLink(server.dataDir, 'TS-DL-001', server.url));
    await guardPage.waitForURL('**/guard');

    await guard.waitForLastName(SICK, 30_000);
    const card = guardPage.getByTestId('last-scan');
    expect(await card.getAttribute('data-risk')).toBe('risk');
    const notice = card.getByTestId('risk-notice');
    expect(await notice.textContent()).toContain('Có triệu chứng: sốt, ho');
    expect(await notice.getByTestId('risk-instruction').textContent()).toBe(INSTRUCTION);
    expect(await notice.locator(`a[href="tel:${HEALTH_PHONE.replace(/ /g, '')}"]`).textContent()).toContain(
      HEALTH_PHONE,
    );
    expect(await card.textContent()).not.toContain('✔');
    // A symptomatic visitor is no lead of a group: the card offers no companions.
    expect(await guardPage.getByRole('button', { name: /Người đi cùng/ }).count()).toBe(0);
    // Instead the guard may turn them away at once.
    expect(await card.getByTestId('turn-away').count()).toBe(1);
    // However long the result, the viewfinder stays whole on the phone's screen for the next visitor.
    const finder = await guardPage.locator('.viewfinder video').boundingBox();
    expect(finder && finder.y >= 0 && finder.y + finder.height <= PHONE.viewport.height).toBe(true);
    expect(await phoneOverflow(guardPage, 'guard risky scan card')).toBeNull();
    await guardPage.screenshot({ path: join(SHOTS, 'guard-risk.png'), fullPage: true });

    await guard.waitForLastName(STALE, 30_000);
    expect(await card.getAttribute('data-risk')).toBe('stale');
    expect(await card.getByTestId('risk-notice').textContent()).toContain('Khai báo đã cũ: 7 ngày trước');
    expect(await card.textContent()).not.toContain('✔');
    // Stale is not symptomatic: companions may still come in with this visitor.
    expect(await guardPage.getByRole('button', { name: /Người đi cùng/ }).count()).toBe(1);

    expect((await storedOf(server, SICK))?.risk).toEqual({
      status: 'current',
      ageDays: 0,
      kinds: ['symptom'],
      signals: ['fever', 'cough'],
    });
    expect((await storedOf(server, STALE))?.risk).toEqual({ status: 'stale', ageDays: 7, kinds: [], signals: [] });
  });

  it('shows a khai hộ with a cough in words with the instruction; the server stores the flag', async () => {
    await guardPage.getByRole('link', { name: 'Khai hộ' }).click();
    const form = guardPage.getByTestId('declare-form');
    await form.waitFor();
    await form.locator('input[name=name]').fill(COUGH);
    await form.locator('input[name=q_cough]').check();
    await form.locator('input[name=q_consent]').check();
    await form.locator('button[type=submit]').click();
    const notice = guardPage.getByTestId('declare-risk').getByTestId('risk-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-level')).toBe('risk');
    expect(await notice.textContent()).toContain('Có triệu chứng: ho');
    expect(await notice.getByTestId('risk-instruction').textContent()).toBe(INSTRUCTION);
    const stored = await storedOf(server, COUGH);
    expect(stored).toMatchObject({
      source: 'on_behalf',
      risk: { status: 'current', kinds: ['symptom'], signals: ['cough'] },
    });
    await guardPage.screenshot({ path: join(SHOTS, 'khai-ho.png') });
  });

  it('gives no green tick to a khai hộ that declares a positive test, and stores it as a risk', async () => {
    const form = guardPage.getByTestId('declare-form');
    await form.locator('input[name=name]').fill('Vũ Văn Dương');
    await form.locator('input[name=q_test_result][value=positive]').check();
    await form.locator('input[name=q_consent]').check();
    await form.locator('button[type=submit]').click();
    const notice = guardPage.getByTestId('declare-risk').getByTestId('risk-notice');
    await expect.poll(async () => notice.textContent()).toContain('Xét nghiệm dương tính');
    expect(await notice.getAttribute('data-level')).toBe('risk');
    expect(await guardPage.getByTestId('declare-risk').textContent()).not.toContain('✓');
    expect(await storedOf(server, 'Vũ Văn Dương')).toMatchObject({
      risk: { status: 'current', kinds: ['exposure'], signals: ['test_result'] },
    });
  });

  it('says a khai hộ for somebody already inside was not saved, shows what the person must do, and stores it after a check-out in one tap', async () => {
    const form = guardPage.getByTestId('declare-form');
    expect((await form.locator('button[type=submit]').textContent())?.trim()).toBe('Ghi nhận khai báo');
    await form.locator('input[name=name]').fill(COUGH);
    await form.locator('input[name=q_fever]').check();
    await form.locator('input[name=q_consent]').check();
    await form.locator('button[type=submit]').click();
    const status = guardPage.getByTestId('declare-status');
    await expect
      .poll(async () => status.textContent())
      .toMatch(/^Người này đã vào lúc \d{2}:\d{2}: khai báo này chưa được lưu/);
    expect(await status.getAttribute('class')).toBe('error');
    const notice = guardPage.getByTestId('declare-risk').getByTestId('risk-notice');
    expect(await notice.textContent()).toContain('Có triệu chứng: sốt');
    expect(await notice.getByTestId('risk-instruction').textContent()).toBe(INSTRUCTION);
    await guardPage.getByRole('button', { name: 'Ghi nhận RA', exact: true }).waitFor();
    const rows = (await readCheckins(server.dataDir)).filter((c) => c.person.name === COUGH);
    expect(rows.map((c) => [c.kind, c.risk?.signals])).toEqual([['in', ['cough']]]);
    expect(await phoneOverflow(guardPage, 'guard khai hộ for somebody inside')).toBeNull();
    await guardPage.screenshot({ path: join(SHOTS, 'khai-ho-inside.png'), fullPage: true });

    // One tap ends the open visit and stores the new declaration as the person's arrival.
    await guardPage.getByTestId('redeclare').click();
    await expect.poll(async () => status.textContent()).toBe(`Đã ghi nhận khai hộ cho ${COUGH}`);
    expect(await guardPage.getByTestId('redeclare').count()).toBe(0);
    await expect
      .poll(async () => (await readCheckins(server.dataDir)).filter((c) => c.person.name === COUGH).length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(3);
    const [first, out, second] = (await readCheckins(server.dataDir))
      .filter((c) => c.person.name === COUGH)
      .sort((a, b) => a.deviceTime - b.deviceTime);
    expect([first?.kind, out?.kind, second?.kind]).toEqual(['in', 'out', 'in']);
    expect(out?.ref).toBe(first?.id);
    expect(second?.risk).toMatchObject({ kinds: ['symptom'], signals: ['fever'] });
    expect(second?.declaration?.answers).toMatchObject({ fever: true, consent: true });
  });

  it('turns a symptomatic person away from the khai hộ result: the visit ends at once on the server', async () => {
    const name = 'Đỗ Thị Hạnh';
    const form = guardPage.getByTestId('declare-form');
    await form.locator('input[name=name]').fill(name);
    await form.locator('input[name=q_fever]').check();
    await form.locator('input[name=q_consent]').check();
    await form.locator('button[type=submit]').click();
    await guardPage.getByTestId('turn-away').click();
    await expect
      .poll(async () => guardPage.getByTestId('declare-status').textContent())
      .toBe(`Đã ghi nhận RA ngay cho ${name}: không cho vào chốt.`);
    expect(await guardPage.getByTestId('turn-away').count()).toBe(0);
    await expect
      .poll(async () => (await readCheckins(server.dataDir)).filter((c) => c.person.name === name).length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(2);
    const rows = (await readCheckins(server.dataDir)).filter((c) => c.person.name === name);
    const arrival = rows.find((c) => c.kind === 'in')!;
    const departure = rows.find((c) => c.kind === 'out')!;
    expect(arrival.risk).toMatchObject({ kinds: ['symptom'], signals: ['fever'] });
    expect(departure.ref).toBe(arrival.id);
    expect(departure.deviceTime - arrival.deviceTime).toBeLessThan(60_000);
  });

  it('asks for today’s declaration first at a self check-in, repeats yesterday’s in one tap and says the risk', async () => {
    visitorBrowser = await launchChromium();
    const page = await visitorBrowser.newPage(PHONE);
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, { name: SELF, birth: '1992' });
    await visitor.waitForPosterKey();
    // Yesterday's declaration (a cough) as the app stored it yesterday.
    await storeDeclaration(page, day(-1), { cough: true, consent: true });

    await page.goto(await posterLinkFor(server, 'TS-DL-001'));
    const first = page.getByTestId('declare-first');
    await first.waitFor();
    const member = first.getByTestId('declare-first-member');
    expect(await member.getAttribute('data-state')).toBe('stale');
    expect(await member.textContent()).toContain('Khai báo đã cũ: hôm qua');
    expect(await phoneOverflow(page, 'visitor declare first')).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'declare-first.png'), fullPage: true });
    await member.getByTestId('repeat-declaration').click();
    await first.locator('[data-testid=declare-first-member][data-state=today]').waitFor();
    // Declared today, still with the cough: the warning before the door, never a green tick.
    expect(await member.getByTestId('declare-first-risk').textContent()).toBe('⚠ Có triệu chứng: ho');
    expect(await member.textContent()).not.toContain('✓');
    await page.getByTestId('declare-first-continue').click();
    // Choosing who checks in says it again, before anything is recorded.
    expect(await page.getByTestId('member-declaration').textContent()).toBe(' — ⚠ Có triệu chứng: ho');
    await page.getByTestId('checkin-button').click();
    const done = page.getByTestId('checkin-done');
    await done.waitFor();
    const notice = done.getByTestId('risk-notice');
    expect(await notice.textContent()).toContain('Có triệu chứng: ho');
    expect(await done.textContent()).not.toContain('✓');
    expect(await notice.getByTestId('risk-instruction').textContent()).toBe(INSTRUCTION);
    expect(await phoneOverflow(page, 'visitor self check-in done')).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'self-checkin.png'), fullPage: true });

    const stored = await storedOf(server, SELF);
    expect(stored).toMatchObject({
      source: 'self',
      risk: { status: 'current', kinds: ['symptom'], signals: ['cough'] },
    });
    expect(stored?.declaration?.date).toBe(day());
  });

  it('shows visitors their own risk on the QR screen after declaring a fever, with the instruction', async () => {
    const page = await visitorBrowser.newPage(PHONE);
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, { name: 'Đinh Văn Sốt', birth: '1990' });
    await visitor.declare('Đinh Văn Sốt', ['fever']);
    const state = page.getByTestId('qr-declaration');
    await state.getByTestId('risk-notice').waitFor();
    expect(await state.getAttribute('data-risk')).toBe('risk');
    const notice = state.getByTestId('risk-notice');
    expect(await notice.textContent()).toContain('Có triệu chứng: sốt');
    expect(await notice.getByTestId('risk-instruction').textContent()).toBe(INSTRUCTION);
    expect(await state.textContent()).not.toContain('✓');
    // The code the guard will scan carries the same risk.
    const scanned = parseVisitorCode(await visitor.qrPayload());
    expect(scanned.kind === 'visitor' && scanned.declaration?.risk).toEqual(['symptom']);
    await page.close();
  });

  it('counts today’s risk declarations on the dashboard', async () => {
    await admin.goto(`${server.url}/console`);
    const panel = admin.getByTestId('risk-panel');
    await panel.waitFor();
    // Arrivals with a risk: the symptomatic QR, the khai hộ with a cough and its re-declaration with a fever
    // (two arrivals), the positive test, the person turned away and the self check-in.
    expect(await panel.getAttribute('data-risky')).toBe('6');
    const row = panel.getByTestId('risk-checkpoints').locator('tbody tr').first();
    expect(await row.textContent()).toContain('UBND xã Dân Lực');
    expect(await row.getAttribute('data-risky')).toBe('6');
    // The same count per commune: the early-warning line a district acts on the same day.
    const commune = panel.getByTestId('risk-communes').locator('tbody tr').first();
    expect(await commune.textContent()).toContain('Dân Lực');
    expect(await commune.getAttribute('data-risky')).toBe('6');
    expect(await panel.textContent()).toContain('lượt vào có triệu chứng/yếu tố dịch tễ');
    await admin.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
  });

  it('keeps a declaration valid for as many days as the district sets', async () => {
    const setValidity = async (days: number) => {
      await admin.goto(`${server.url}/console/questionnaire`);
      const fields = admin.getByTestId('risk-settings');
      await fields.locator('input[name=declarationValidDays]').fill(String(days));
      await admin.locator('form:has([data-testid=risk-settings]) button[type=submit]').click();
      await admin.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    };
    await setValidity(3);
    const page = await visitorBrowser.newPage(PHONE);
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, { name: 'Lý Thị Hai Ngày', birth: '1985' });
    await visitor.waitForPosterKey();
    await storeDeclaration(page, day(-2), { consent: true });
    const link = await posterLinkFor(server, 'TS-DL-001');
    // Three days' validity: a two-day-old declaration still counts, so the check-in needs no new one.
    await page.goto(link);
    await page.getByTestId('checkin-button').waitFor();
    expect(await page.getByTestId('declare-first').count()).toBe(0);
    // Back to one day: the phone learns it the next time it opens online (the policy is fetched and cached on
    // start), and then the same declaration is old, and the screen says how old.
    await setValidity(1);
    const member = page.getByTestId('declare-first').getByTestId('declare-first-member');
    await expect
      .poll(
        async () => {
          await page.goto(link);
          await page.getByTestId('self-checkin').waitFor();
          await page.waitForTimeout(300);
          return member.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    expect(await member.getAttribute('data-state')).toBe('stale');
    expect(await member.textContent()).toContain('Khai báo đã cũ: 2 ngày trước');
    await page.close();
  });
});
