/**
 * Issue 12, "names survive hardware scanners" (Chromium, real server process): a serial-mode scanner read
 * through Web Serial ("Kết nối máy quét (cổng COM)") delivers the CCCD's bytes as they are, so a
 * Vietnamese name no keyboard layout could type arrives whole, on the screen and on the server.
 * The port is a stand-in for `navigator.serial` (no hardware here) that sends one card's line when opened.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { GuardPage } from '../support/guard-page';
import { readCheckins, removeDataDir, startServerProcess, type ServerProcess } from '../support/server-process';

const CCCD =
  '038095007777|123450777|Trịnh Thị Ngọc Ánh|02031995|Nữ|Thôn 4, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';

/** A fake Web Serial API: one port whose stream sends `line` + CR LF in two chunks once it is opened. */
const fakeSerial = (line: string) => `(() => {
  const bytes = new TextEncoder().encode(${JSON.stringify(line)} + '\\r\\n');
  const port = {
    readable: null,
    async open() {
      this.readable = new ReadableStream({
        start(controller) {
          // Split inside the "ị" of "Trịnh" (bytes 25–27): the reader must join chunks before decoding.
          controller.enqueue(bytes.slice(0, 26));
          setTimeout(() => controller.enqueue(bytes.slice(26)), 50);
        },
      });
    },
    async close() {},
  };
  Object.defineProperty(Navigator.prototype, 'serial', { configurable: true, get: () => ({ requestPort: async () => port }) });
})();`;

describe('a serial-mode scanner through Web Serial', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('reads a CCCD from the COM port with its Vietnamese letters whole, and the server stores it once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(fakeSerial(CCCD));
    const page = await context.newPage();
    const guard = await GuardPage.enrol(page, server);
    await page.getByRole('button', { name: 'Kết nối máy quét (cổng COM)' }).click();
    await guard.waitForLastName('Trịnh Thị Ngọc Ánh');
    expect(await guard.lastScanText()).toContain('Căn cước công dân');
    await guard.waitForPending(0, 30_000);
    const stored = await readCheckins(server.dataDir);
    expect(stored.map((c) => [c.source, c.person.name, c.person.idNumber])).toEqual([
      ['cccd', 'Trịnh Thị Ngọc Ánh', '038095007777'],
    ]);
  });
});
