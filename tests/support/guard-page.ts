/** A page model of the guard's screen for browser tests: what a guard looks at, as methods. */
import type { Page } from 'playwright-core';

export class GuardPage {
  constructor(readonly page: Page) {}

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
