/**
 * npm run bench:lighthouse [-- RUNS] — Lighthouse 12.2.3 (mobile, simulated throttling) on the visitor's
 * start page, served from dist/ by the real district server, in headless Debian Chromium. Run
 * `npm run build` first. Lighthouse varies run to run on a busy machine: it runs RUNS times (default 3)
 * and reports the median of each score. Last line: `lighthouse performance P accessibility A` (goal 95+).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BASE_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';
import { removeDataDir, startServerProcess } from '../tests/support/server-process';
import { buildServerBundle } from '../tests/support/build-server';

const RUNS = Number(process.argv[2] ?? 3);
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  buildServerBundle();
  const server = await startServerProcess();
  const perf: number[] = [];
  const a11y: number[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM_PATH,
        chromeFlags: ['--headless=new', ...BASE_ARGS],
      });
      try {
        const result = await lighthouse(`${server.url}/`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        if (!result) throw new Error('lighthouse returned no result');
        const { categories, audits } = result.lhr;
        const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
        perf.push(score('performance'));
        a11y.push(score('accessibility'));
        console.log(
          `run ${run}: performance ${score('performance')} accessibility ${score('accessibility')} — ${METRICS.map((id) => `${id} ${audits[id]?.displayValue ?? '?'}`).join(', ')}`,
        );
        for (const audit of Object.values(audits)) {
          if (audit.scoreDisplayMode === 'binary' && audit.score !== null && audit.score < 1)
            console.log(`  not passed: ${audit.id} — ${audit.title}`);
        }
      } finally {
        chrome.kill();
      }
    }
    console.log(`lighthouse performance ${median(perf)} accessibility ${median(a11y)}`);
  } finally {
    await server.stop();
    removeDataDir(server.dataDir);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
