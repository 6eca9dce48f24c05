/** A page model of the guard's screen for browser tests: what a guard looks at, as methods. */
import type { Page } from 'playwright-core';
import { createEnrolLink } from './server-process';

export class GuardPage {
  constructor(readonly page: Page) {}

  /**
   * Enrols `page` as a guard device of `checkpointCode` from a fresh one-time link (opened at `origin`,
   * the server itself unless a proxy stands between) and waits for the guard screen and its service worker.
   */
  static async enrol(
    page: Page,
    server: { dataDir: string; url: string },
    checkpointCode = 'TS-DL-001',
    origin = server.url,
  ): Promise<GuardPage> {
    const link = await createEnrolLink(server.dataDir, checkpointCode, server.url);
    await page.goto(`${origin}/enrol#${link.split('#')[1] ?? ''}`);
    await page.waitForURL('**/guard', { timeout: 30_000 });
    // The screen itself, not only its address: stopping the server before its code arrived leaves a blank page.
    await page.locator('h1.checkpoint-name').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    return new GuardPage(page);
  }

  /** Types a visitor in through the form (opened by itself when there is no camera) and waits for the card. */
  async typeIn(name: string): Promise<void> {
    const form = this.page.getByTestId('manual-form');
    const open = this.page.getByRole('button', { name: /Nhập tay|Type details/ });
    // Without a camera the form opens by itself once the camera gave up (slow on a busy machine); else open it.
    // It may open by itself just as the button is about to be tapped (the button then goes): try again.
    const deadline = Date.now() + 20_000;
    while (!(await form.isVisible())) {
      if (Date.now() > deadline) throw new Error('the typed-entry form did not open within 20 s');
      await open.click({ timeout: 1_000 }).catch(() => undefined);
      await form.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await form.locator('input[name="name"]').fill(name);
    await form.getByRole('button', { name: /Ghi nhận vào chốt|Check in/ }).click();
    await this.waitForLastName(name);
  }

  /** The number in "Chờ gửi: N" (0 when everything was sent). */
  async pendingCount(): Promise<number> {
    return Number(await this.page.getByTestId('pending-count').getAttribute('data-count'));
  }

  /** Waits until the pending count shows `count`. */
  async waitForPending(count: number, timeoutMs = 20_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid="pending-count"][data-count="${count}"]`, { timeout: timeoutMs });
  }

  /** Waits until the last-scan card shows this name. */
  async waitForLastName(name: string, timeoutMs = 15_000): Promise<void> {
    await this.page.getByTestId('last-name').filter({ hasText: name }).waitFor({ timeout: timeoutMs });
  }

  /** The text of the last-scan card. */
  async lastScanText(): Promise<string> {
    return (await this.page.getByTestId('last-scan').textContent()) ?? '';
  }

  /** The checkpoint heading. */
  async checkpointHeading(): Promise<string> {
    return (await this.page.locator('h1.checkpoint-name').textContent()) ?? '';
  }
}
