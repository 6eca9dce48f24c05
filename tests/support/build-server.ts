/**
 * Bundles the server (`scripts/build-server.mjs`, under a second), so server processes and CLI calls run
 * today's source as `node dist-server/cli.js`. The default export is the vitest global setup: every
 * project of the workspace lists it, the first one builds and the others find it done.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ROOT } from './server-cli';

const BUILT = 'TRAM_QR_TEST_SERVER_BUILT';

/** Builds dist-server/cli.js from the current source (benchmarks call it before starting a server). */
export function buildServerBundle(): void {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/** Vitest global setup: builds the bundle unless this test run already did, and again before each watch-mode rerun. */
export default function buildOncePerRun(project: TestProject): void {
  if (process.env[BUILT]) return;
  buildServerBundle();
  process.env[BUILT] = '1';
  project.onTestsRerun(() => buildServerBundle());
}
