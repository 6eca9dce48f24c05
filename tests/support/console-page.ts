/** A page model of the district console for browser tests: what an official does, as methods. */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { ROOT, SERVER_CLI } from './server-cli';

/** Creates a console account through the real CLI (`create-admin`, password on stdin). */
export function createAccountWithCli(dataDir: string, username: string, password: string, extra: string[] = []): void {
  execFileSync(process.execPath, [SERVER_CLI, 'create-admin', '--username', username, '--data', dataDir, ...extra], {
    cwd: ROOT,
    input: `${password}\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface NewCheckpoint {
  commune: string;
  name: string;
  type: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the console and signs in. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/console`);
    await this.page.fill('input[name=username]', username);
    await this.page.fill('input[name=password]', password);
    await this.page.click('button[type=submit]');
    await this.page.getByTestId('signed-in-as').waitFor();
  }

  /** Opens the dashboard; returns the headline figures and the codes of the silent checkpoints. */
  async dashboard(): Promise<{ registered: number; active: number; silent: string[] }> {
    await this.page.goto(`${this.baseUrl}/console`);
    const headline = this.page.getByTestId('headline');
    await headline.waitFor();
    const silent = await this.page
      .locator('[data-testid=silent-table] tr[data-code]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
    return {
      registered: Number(await headline.getAttribute('data-registered')),
      active: Number(await headline.getAttribute('data-active')),
      silent,
    };
  }

  /** Creates a checkpoint through the form; returns its id (from the URL) and code. */
  async createCheckpoint(cp: NewCheckpoint): Promise<{ id: string; code: string }> {
    await this.page.goto(`${this.baseUrl}/console/checkpoints`);
    await this.page.getByTestId('new-checkpoint').click();
    const form = this.page.getByTestId('checkpoint-form');
    await form.locator('select[name=unitId]').selectOption({ label: cp.commune });
    await form.locator('input[name=name]').fill(cp.name);
    await form.locator('select[name=type]').selectOption(cp.type);
    await form.locator('input[name=address]').fill(cp.address);
    await form.locator('input[name=contactName]').fill(cp.contactName);
    await form.locator('input[name=contactPhone]').fill(cp.contactPhone);
    await form.locator('button[type=submit]').click();
    await this.page.waitForURL(/\/console\/checkpoints\/[0-9a-f-]{36}$/);
    const title = (await this.page.getByTestId('checkpoint-title').textContent()) ?? '';
    const id = this.page.url().split('/').pop() ?? '';
    return { id, code: title.match(/[A-Z0-9]+(?:-[A-Z0-9]+)+$/)?.[0] ?? '' };
  }

  /** On a checkpoint's page: creates an enrolment link and returns it as shown. */
  async createEnrolLink(): Promise<string> {
    await this.page.getByTestId('create-enrol-link').click();
    return (await this.page.getByTestId('enrol-link').textContent()) ?? '';
  }
}
