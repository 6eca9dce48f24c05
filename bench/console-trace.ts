/**
 * What a tracer waits for at province scale: the console in headless Chromium against the real server process on a
 * copy of bench:trace's data set (build it first with `npm run bench:trace`, and the console with `vite build`).
 * For each of the first cases of bench:trace's seeded pick that has a CCCD key, the tracer searches the ID number and
 * traces the last 14 days; timed from the click to the person table, and from the click to the F1 table on screen.
 * Then one search by a phone some generated visitors have, and by names through the directory of names: a full name,
 * a family and middle name thousands share, a family name, and "An", which 60 % of the names hold; printed, not in
 * the last line.
 *
 *   npm run bench:console-trace [-- --rows 10000000 --cases 6]
 *
 * The copy's retention is set to ten years (the generated days are older than the server's 28-day default, which
 * would purge them at start). Last line: `console search median X ms, trace shown median Y ms max Z ms`.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/database';
import { updateSettings } from '../src/server/db/settings-repo';
import { launchChromium } from '../tests/support/chromium';
import { buildServerBundle } from '../tests/support/build-server';
import { ConsolePage } from '../tests/support/console-page';
import { removeDataDir, startServerProcess } from '../tests/support/server-process';
import { createAccount, PASSWORD } from '../tests/server/console-helpers';
import { TRACE_END, TRACE_FROM, caseKeysSqlite, pickCases, traceFile } from './trace-cases';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '10000000' }, cases: { type: 'string', default: '6' } },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** A `datetime-local` value in the browser's zone. */
const localInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

async function main(): Promise<void> {
  const source = traceFile(Number(values.rows), 'rowid');
  if (!existsSync(source))
    throw new Error(`no data set at ${source}: run npm run bench:trace -- --rows ${values.rows}`);
  if (!existsSync('dist/console.html')) throw new Error('no built console in dist/: run vite build first');
  const cases = pickCases(caseKeysSqlite(source), 50)
    .filter((k) => k.startsWith('cccd:'))
    .slice(0, Number(values.cases));
  const dataDir = mkdtempSync(join(tmpdir(), 'tram-qr-console-trace-'));
  copyFileSync(source, join(dataDir, 'checkpoints.sqlite'));
  const db = openDatabase(join(dataDir, 'checkpoints.sqlite'));
  await updateSettings(db, { retentionDays: 3650 });
  await createAccount(db, 'truyvet', 'tracer');
  await db.destroy();

  buildServerBundle();
  const server = await startServerProcess({ dataDir, args: ['--no-demo'] });
  const browser = await launchChromium();
  const searches: number[] = [];
  const traces: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await new ConsolePage(page, server.url).signIn('truyvet', PASSWORD);
    for (const key of cases) {
      await page.goto(`${server.url}/console/tracing`);
      await page.fill('input[name=id]', key.slice('cccd:'.length));
      let began = performance.now();
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      const persons = page.getByTestId('trace-persons');
      await persons.waitFor({ timeout: 120_000 });
      searches.push(performance.now() - began);
      await persons.getByRole('button', { name: 'Truy vết người này' }).first().click();
      await page.fill('input[name=from]', localInput(TRACE_FROM));
      await page.fill('input[name=to]', localInput(TRACE_END - 60_000));
      began = performance.now();
      await page.getByRole('button', { name: 'Truy vết', exact: true }).click();
      await page.getByTestId('trace-f1').waitFor({ timeout: 120_000 });
      traces.push(performance.now() - began);
      const heading = await page.getByRole('heading', { name: /^F1/ }).textContent();
      console.log(
        `${key}: search ${searches.at(-1)?.toFixed(0)} ms, trace shown ${traces.at(-1)?.toFixed(0)} ms (${heading})`,
      );
    }
    for (const [field, value] of [
      ['phone', '0910 123 456'],
      ['name', 'Nguyễn Văn An'],
      ['name', 'Nguyễn Văn'],
      ['name', 'Nguyễn'],
      ['name', 'An'],
    ] as const) {
      await page.goto(`${server.url}/console/tracing`);
      await page.fill(`input[name=${field}]`, value);
      const began = performance.now();
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByTestId('trace-persons').or(page.getByText('Không tìm thấy ai.')).waitFor({ timeout: 300_000 });
      const ms = performance.now() - began;
      const found = await page.getByTestId('trace-persons').locator('tbody tr').count();
      console.log(`search by ${field} "${value}": ${ms.toFixed(0)} ms, ${found} records`);
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDataDir(dataDir);
  }
  console.log(
    `console search median ${median(searches).toFixed(0)} ms, trace shown median ${median(traces).toFixed(0)} ms max ${Math.max(...traces).toFixed(0)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
