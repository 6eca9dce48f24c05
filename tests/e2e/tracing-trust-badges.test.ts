/**
 * The tracer sees what to weigh (issue 11, part 2): in the console's trace view (Chromium, real server
 * process) a contact placed only by a visitor's own self check-in carries the badge
 * "Chỉ tự khai (chưa xác minh)", and a contact a guard scanned does not.
 * With SCREENSHOT_DIR set, the view is also captured at 360 px and 1280 px.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  PROTOCOL_VERSION,
  type CheckIn,
  type EnrolResponse,
  type Person,
  type VisitorRegisterResponse,
} from '../../src/shared/protocol';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { issueEnrolmentCode } from '../../src/server/services/enrolment';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import { launchChromium } from '../support/chromium';
import { ConsolePage } from '../support/console-page';
import { removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';
import { createAccount, PASSWORD } from '../server/console-helpers';
import { selfCheckIn } from '../server/self-checkin-helpers';
import { rememberDeviceKey, signedHeaders } from '../server/helpers';
import { generateDeviceKey } from '../../src/shared/sealed/device-proof';

const H = 3_600_000;
const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000001', birthYear: 1995 };
const SCANNED: Person = { name: 'Lê Thị Bình', idNumber: '038095000002' };
const PLANTED: Person = { name: 'Đỗ Văn Lạ', idNumber: '038095000009', visitorId: 'planted001' };

let server: ServerProcess;
let browser: Browser;
let page: Page;

async function post(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** Pushes as the device holding `token` does: signed with its key when it is a guard device. */
async function pushAll(token: string, items: CheckIn[]): Promise<void> {
  const body = JSON.stringify({
    protocol: PROTOCOL_VERSION,
    sentAt: Date.now(),
    appVersion: 'e2e',
    pending: items.length,
    items,
  });
  const res = await fetch(`${server.url}${API.push}`, {
    method: 'POST',
    headers: await signedHeaders(token, body),
    body,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = await startServerProcess();
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  const cp = (await findCheckpointByCode(db, 'TS-DL-001'))!;
  const code = await issueEnrolmentCode(db, cp.id, Date.now());
  const signer = await loadPosterSigner(db, server.url, Date.now());
  await createAccount(db, 'truyvet', 'tracer');
  await db.destroy();
  const key = await generateDeviceKey();
  const guard = (await (
    await post(API.enrol, { code, appVersion: 'e2e', deviceKey: key.publicJwk })
  ).json()) as EnrolResponse;
  rememberDeviceKey(guard.token, guard.deviceId, key.privateKey);
  const visitor = (await (await post(API.visitorRegister, { appVersion: 'e2e' })).json()) as VisitorRegisterResponse;

  const t0 = Date.now() - 30 * H;
  await pushAll(guard.token, [
    { id: uuidv7(), checkpointId: cp.id, kind: 'in', source: 'cccd', deviceTime: t0, person: CASE },
    { id: uuidv7(), checkpointId: cp.id, kind: 'in', source: 'cccd', deviceTime: t0 + 0.3 * H, person: SCANNED },
  ]);
  await pushAll(visitor.token, [selfCheckIn(signer, cp, PLANTED, t0 + 0.2 * H)]);
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('tracer console trust badges', () => {
  it('badges the contact resting only on a self check-in, not the one a guard scanned', async () => {
    await new ConsolePage(page, server.url).signIn('truyvet', PASSWORD);
    await page.goto(`${server.url}/console/tracing`);
    await page.fill('input[name=name]', 'nguyen van an');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('trace-persons').getByRole('button', { name: 'Truy vết người này' }).first().click();
    await page.getByRole('button', { name: 'Truy vết', exact: true }).click();
    const f1 = page.getByTestId('trace-f1');
    await f1.waitFor();
    const rows = await f1
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('td')?.textContent,
          tr.querySelector('[data-testid=badge-self-only]')?.textContent ?? null,
        ]),
      );
    expect(rows.sort()).toEqual([
      [SCANNED.name, null],
      [PLANTED.name, 'Chỉ tự khai (chưa xác minh)'],
    ]);

    const dir = process.env.SCREENSHOT_DIR;
    if (dir) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(dir, `trust-badges-${width}.png`), fullPage: true });
      }
    }
  });
});
