/**
 * The security headers (issue 11) against the real server process in Chromium: the visitor app, the
 * guard scanner (fake camera → the app's zxing-wasm decoder in its Worker) and the console work under
 * the Content-Security-Policy, with no CSP violation reported by the page or in its console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { writeQrVideo } from '../support/fake-camera';
import { GuardPage } from '../support/guard-page';
import { createAccountWithCli } from '../support/console-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const CCCD = '038070002222||Hoàng Văn Phúc|02021970|Nam|Thôn 1, Xã Minh Sơn, Huyện Triệu Sơn, Thanh Hóa|10102021';

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let workDir: string;
const violations: string[] = [];

/** A page that reports every CSP violation (DOM event and console message) into `violations`. */
async function watchedPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return page;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'tramqr-csp-'));
  const video = join(workDir, 'camera.y4m');
  await writeQrVideo(video, [CCCD], { framesPerCode: 10 });
  server = await startServerProcess();
  browser = await launchChromium({ fakeVideo: video });
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  rmSync(workDir, { recursive: true, force: true });
});

describe('Content-Security-Policy in Chromium', () => {
  it('sends the headers on pages and API answers', async () => {
    for (const path of ['/', '/console', '/api/health', '/api/admin/users']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("'wasm-unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull(); // http public URL
    }
  });

  it('the guard scanner decodes a CCCD with the wasm decoder under the policy', async () => {
    const page = await watchedPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page.waitForURL('**/guard');
    await new GuardPage(page).waitForLastName('Hoàng Văn Phúc', 30_000);
    await new GuardPage(page).waitForPending(0, 30_000);
    expect((await readCheckins(server.dataDir)).some((r) => r.person.idNumber === '038070002222')).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the visitor app and the console load and work under the policy', async () => {
    const visitor = await watchedPage();
    await visitor.goto(server.url);
    await visitor.locator('main, #app *').first().waitFor();
    await visitor.waitForTimeout(1500);
    await visitor.close();

    createAccountWithCli(server.dataDir, 'quantri', 'ba-con-trau-di-cay-ruong-lua');
    const console_ = await watchedPage();
    await console_.goto(`${server.url}/console`);
    await console_.getByLabel('Tên đăng nhập').fill('quantri');
    await console_.getByLabel('Mật khẩu').fill('ba-con-trau-di-cay-ruong-lua');
    await console_.getByRole('button', { name: 'Đăng nhập' }).click();
    await console_.getByText('Tình hình chốt kiểm soát').waitFor({ timeout: 20_000 });
    await console_.goto(`${server.url}/console/checkpoints`);
    await console_.waitForTimeout(1500);
    expect(violations).toEqual([]);
    await console_.close();
  });
});
