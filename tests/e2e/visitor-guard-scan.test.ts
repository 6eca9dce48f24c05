/**
 * Declaration → personal QR → scanned by a guard device in a second browser (fake camera fed with the
 * very code the visitor's page rendered) → stored once on the server with the name and declaration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../../src/shared/questionnaire/default';
import { parseVisitorCode } from '../../src/shared/scan/visitor-code';
import { launchChromium } from '../support/chromium';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { VisitorPage } from '../support/visitor-page';

const NAME = 'Nguyễn Thị Hương Giang';
const ADDRESS = 'Thôn Đông Hòa, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa';

describe('visitor: personal QR scanned by a guard', () => {
  let server: ServerProcess;
  let visitorBrowser: Browser;
  let guardBrowser: Browser | undefined;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tramqr-visitor-qr-'));
    server = await startServerProcess();
    visitorBrowser = await launchChromium();
  });

  afterAll(async () => {
    await guardBrowser?.close();
    await visitorBrowser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
    rmSync(workDir, { recursive: true, force: true });
  });

  it('stores the visitor once, with the name and the declaration read from the rendered QR', async () => {
    const page = await visitorBrowser.newPage();
    const visitor = new VisitorPage(page);
    await visitor.createSelf(server.url, {
      name: NAME,
      birth: '12/03/1990',
      gender: 'female',
      phone: '0987654321',
      idNumber: '038190012345',
      address: ADDRESS,
    });
    // Before declaring, the QR says plainly that today's declaration is missing.
    await page.getByTestId('member').getByRole('button').nth(1).click();
    expect(await page.getByTestId('qr-declaration').getAttribute('data-state')).toBe('none');
    await page.goBack();

    await visitor.declare(NAME, ['cough']);
    expect(await page.getByTestId('qr-declaration').getAttribute('data-state')).toBe('today');
    const payload = await visitor.qrPayload();
    const parsed = parseVisitorCode(payload);
    expect(parsed).toMatchObject({ kind: 'visitor', person: { name: NAME, idNumber: '038190012345' } });

    const video = join(workDir, 'camera.y4m');
    await writeQrVideo(video, [payload], { framesPerCode: 5 });
    guardBrowser = await launchChromium({ fakeVideo: video });
    const guardPage = await guardBrowser.newPage();
    const guard = new GuardPage(guardPage);
    const enrolLink = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    await guardPage.goto(enrolLink);
    await guardPage.waitForURL('**/guard');
    await guard.waitForLastName(NAME);
    await guard.waitForPending(0);

    const stored = await readCheckins(server.dataDir);
    expect(stored).toHaveLength(1);
    const yesNo = yesNoQuestionIds(DEFAULT_QUESTIONNAIRE);
    const expectedMask = 2 ** yesNo.indexOf('cough') + 2 ** yesNo.indexOf('consent');
    expect(stored[0]).toMatchObject({
      source: 'visitor_qr',
      person: {
        name: NAME,
        birthDate: '1990-03-12',
        gender: 'female',
        phone: '0987654321',
        idNumber: '038190012345',
        address: ADDRESS,
      },
      declaration: { version: 1, answers: { yesMask: expectedMask } },
    });
    expect(stored[0]?.person.visitorId).toMatch(/^[0-9a-z]{10}$/);
    expect(stored[0]?.declaration?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
