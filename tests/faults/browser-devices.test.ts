/**
 * Nothing lost, nothing doubled, in real Chromium: three guard devices (one clock right, one two
 * hours ahead, one a day behind) type check-ins in while a seeded fault proxy drops, fails and replays
 * their pushes; pages are reloaded and tabs closed mid-flush, the server is SIGKILLed and restarted,
 * and one device installs a new app version while it holds a queue. At the end: one server row per
 * check-in typed, pending 0 on every device, nothing needing attention, corrected times within 5 s.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { FaultControl, NO_FAULTS, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { GuardPage } from '../support/guard-page';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

const SEED = Number(process.env.FAULT_SEED ?? 20261128);
const PER_ROUND = process.env.FAULT_SOAK === '1' ? 6 : 2;
const HOUR = 3_600_000;

/** Source of a script that shifts this realm's wall clock (Date and Date.now) by `shiftMs`. */
function clockShiftScript(shiftMs: number): string {
  return `(() => {
  const shift = ${shiftMs};
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
    static now() { return RealDate.now() + shift; }
  }
  globalThis.Date = ShiftedDate;
})();\n`;
}

interface Device {
  name: string;
  skewMs: number;
  proxy: FaultProxy;
  context: BrowserContext;
  page: Page;
  /** Name typed → true time of the tap on "check in". */
  typed: Map<string, number>;
}

describe('Chromium guard devices under faults, clock skew, reloads and an app update', () => {
  let server: ServerProcess;
  let browser: Browser;
  let control: FaultControl;
  const devices: Device[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    control = new FaultControl(server.url, SEED);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const d of devices) await d.proxy.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function openDevice(name: string, skewMs: number): Promise<Device> {
    const shift = clockShiftScript(skewMs);
    // The service worker shares the device clock: prepend the same shift to sw.js.
    const proxy = await startFaultProxy(control, {
      rewrite: (path, body) => (skewMs !== 0 && path === '/sw.js' ? Buffer.concat([Buffer.from(shift), body]) : null),
    });
    const context = await browser.newContext();
    if (skewMs !== 0) await context.addInitScript(shift);
    const page = await context.newPage();
    const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
    await page.goto(`${proxy.url}/enrol#${link.split('#')[1] ?? ''}`);
    await page.waitForURL('**/guard', { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const device = { name, skewMs, proxy, context, page, typed: new Map<string, number>() };
    devices.push(device);
    return device;
  }

  /** Types one visitor in through the guard's form (the camera is absent, so the form is open). */
  async function typeIn(device: Device, page: Page, label: string): Promise<void> {
    const form = page.getByTestId('manual-form');
    // Without a camera the screen opens the form by itself, shortly after load.
    await form
      .waitFor({ timeout: 3_000 })
      .catch(() => page.getByRole('button', { name: /Nhập tay|Type details/ }).click());
    const name = `${device.name} ${label}`;
    await form.locator('input[name="name"]').fill(name);
    device.typed.set(name, Date.now());
    await form.getByRole('button', { name: /Ghi nhận vào chốt|Check in/ }).click();
    await page.getByTestId('last-name').filter({ hasText: name }).waitFor({ timeout: 10_000 });
  }

  /** Waits until a push of this device is in flight (or a short while passed). */
  async function untilPushInFlight(): Promise<void> {
    for (let i = 0; i < 100 && control.inflight === 0; i++) await new Promise((r) => setTimeout(r, 10));
  }

  it('every typed check-in reaches the server exactly once', { timeout: 240_000 }, async () => {
    const a = await openDevice('Máy A', 0);
    const b = await openDevice('Máy B', 2 * HOUR);
    const c = await openDevice('Máy C', -24 * HOUR);
    control.plan = {
      ...NO_FAULTS,
      dropBefore: 0.12,
      dropAfter: 0.12,
      error500: 0.06,
      error500After: 0.06,
      error503: 0.08,
      twice: 0.1,
      retryAfterS: 1,
    };

    const t0 = Date.now();
    const phase = (what: string) => console.log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
    let round = 0;
    for (const device of [a, b, c])
      for (let i = 0; i < PER_ROUND; i++) await typeIn(device, device.page, `r${round}-${i}`);

    phase('typed first rounds');
    // Reload each page in the middle of a flush.
    round++;
    for (const device of [a, b, c]) {
      await typeIn(device, device.page, `r${round}-0`);
      await untilPushInFlight();
      await device.page.reload();
      await typeIn(device, device.page, `r${round}-1`);
    }

    phase('reloads done');
    // A second tab takes check-ins and is closed while it flushes.
    round++;
    const tab = await b.context.newPage();
    await tab.goto(`${b.proxy.url}/guard`);
    for (let i = 0; i < PER_ROUND; i++) await typeIn(b, tab, `r${round}-tab-${i}`);
    await untilPushInFlight();
    await tab.close();

    phase('tab closed');
    // The server dies with pushes in flight; devices keep working; it comes back.
    round++;
    for (const device of [a, c]) await typeIn(device, device.page, `r${round}-0`);
    await untilPushInFlight();
    await server.kill('SIGKILL');
    for (const device of [a, b, c]) await typeIn(device, device.page, `r${round}-down`);
    await server.restart();
    control.target = server.url;

    phase('server back');
    // Device A installs a new app version while it holds a queue (every push refused meanwhile).
    round++;
    const plan = control.plan;
    control.plan = { ...NO_FAULTS, error503: 1, retryAfterS: 1 };
    for (let i = 0; i < PER_ROUND; i++) await typeIn(a, a.page, `r${round}-queued-${i}`);
    expect(await new GuardPage(a.page).pendingCount()).toBeGreaterThan(0);
    a.proxy.setRewrite((path, body) =>
      path === '/sw.js' ? Buffer.concat([body, Buffer.from('\n// new version\n')]) : null,
    );
    await a.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const update = a.page.getByRole('button', { name: /^(Cập nhật|Update)$/ });
    await update.waitFor({ timeout: 30_000 });
    control.plan = plan;
    await Promise.all([a.page.waitForEvent('load', { timeout: 60_000 }), update.click()]);
    await a.page.getByTestId('pending-count').waitFor({ timeout: 20_000 });

    phase('update applied');
    // Faults stop; every device drains.
    control.plan = { ...NO_FAULTS };
    for (const device of [a, b, c]) {
      await device.page.evaluate(() => window.dispatchEvent(new Event('online')));
      await new GuardPage(device.page).waitForPending(0, 60_000);
    }

    phase('drained');
    const stored = await readCheckins(server.dataDir);
    const typed = new Map(devices.flatMap((d) => [...d.typed]));
    const names = stored.map((r) => r.person.name);
    const errors = stored.map((r) => Math.abs(r.correctedTime - (typed.get(r.person.name) ?? Number.NaN)));
    const maxError = Math.max(...errors);
    const pending = await Promise.all(devices.map((d) => new GuardPage(d.page).pendingCount()));
    const attention = await Promise.all(devices.map((d) => d.page.getByTestId('needs-attention').count()));
    console.log(
      [
        `fault suite (Chromium devices, seed ${SEED}): ${devices.length} devices (clocks 0, +2 h, −1 day) typed ${typed.size} check-ins`,
        `  faults injected: ${control.summary()}; 3 reloads and 1 tab closed mid-flush, 1 SIGKILL, 1 app update with a queue`,
        `  server rows ${stored.length}, distinct names ${new Set(names).size}; pending ${pending.join('/')}; needs attention ${attention.join('/')}`,
        `  max |corrected − true time| ${maxError} ms`,
      ].join('\n'),
    );
    expect([...names].sort()).toEqual([...typed.keys()].sort());
    expect(pending).toEqual([0, 0, 0]);
    expect(attention).toEqual([0, 0, 0]);
    expect(maxError).toBeLessThanOrEqual(5_000);
  });
});
