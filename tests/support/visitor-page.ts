/** A page model of the visitor's screens for browser tests: what a visitor does, as methods. */
import type { Page } from 'playwright-core';

export interface VisitorDetails {
  name: string;
  birth?: string;
  gender?: 'male' | 'female' | 'other';
  phone?: string;
  idNumber?: string;
  address?: string;
}

export class VisitorPage {
  constructor(readonly page: Page) {}

  /** Fills and saves the profile form shown on the page (first run, or "add a household member"). */
  async saveProfile(details: VisitorDetails): Promise<void> {
    const form = this.page.getByTestId('profile-form');
    await form.waitFor();
    for (const key of ['name', 'birth', 'phone', 'idNumber', 'address'] as const) {
      const value = details[key];
      if (value !== undefined) await form.locator(`input[name="${key}"]`).fill(value);
    }
    if (details.gender) await form.locator('select[name="gender"]').selectOption(details.gender);
    await form.locator('button[type="submit"]').click();
  }

  /** Creates the owner's profile from the start page. */
  async createSelf(origin: string, details: VisitorDetails): Promise<void> {
    await this.page.goto(`${origin}/`);
    await this.saveProfile(details);
    await this.page.getByTestId('visitor-home').waitFor();
  }

  /** Declares today for the member named `name`, ticking the given yes/no questions (and the consent). */
  async declare(name: string, yes: string[] = []): Promise<void> {
    const card = this.page.getByTestId('member').filter({ hasText: name });
    await card.getByRole('button').first().click();
    const form = this.page.getByTestId('declaration-form');
    await form.waitFor();
    for (const id of [...yes, 'consent']) await form.locator(`input[name="q_${id}"]`).check();
    await form.locator('button[type="submit"]').click();
    await this.page.getByTestId('qr-screen').waitFor();
  }

  /** The text the personal QR on screen encodes (rendered once `qrcode` has loaded). */
  async qrPayload(): Promise<string> {
    const qr = this.page.getByTestId('personal-qr');
    await qr.waitFor();
    return (await qr.getAttribute('data-payload')) ?? '';
  }

  /** Waits until the visitor's own pending count shows `count`. */
  async waitForPending(count: number, timeoutMs = 20_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid="visitor-pending"][data-count="${count}"]`, { timeout: timeoutMs });
  }

  /** Waits until the app has cached the poster key (it fetches it on start while online). */
  async waitForPosterKey(timeoutMs = 20_000): Promise<void> {
    await this.page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('tram-qr');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('meta')) return resolve(false);
            const get = db.transaction('meta').objectStore('meta').get('posterKey');
            get.onsuccess = () => resolve(typeof get.result?.value === 'string');
            get.onerror = () => resolve(false);
          };
        }),
      null,
      { timeout: timeoutMs, polling: 250 },
    );
  }

  /**
   * At a poster check-in: passes the "today's declaration first" step without declaring (the check-in then carries no
   * tick).
   */
  async skipDeclareFirst(): Promise<void> {
    await this.page.getByTestId('declare-first-continue').click();
  }

  /** How many self check-ins (any state) the phone holds. */
  async selfCheckInCount(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('tram-qr');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('checkins').objectStore('checkins').getAll();
            all.onsuccess = () =>
              resolve((all.result as { source: string }[]).filter((c) => c.source === 'self').length);
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }
}
