/**
 * The district server's command line as deployed: `node dist-server/cli.js`, no TypeScript at run time.
 * `tests/support/build-server.ts` bundles it once before any test file runs, so every server process
 * and CLI call a test makes runs the current source without paying tsx's start-up each time.
 */
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository root, where the CLI runs (it resolves `dist/` and `data/` from there). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled CLI, built by the test run's global setup. */
export const SERVER_CLI = join(ROOT, 'dist-server/cli.js');

const execFileAsync = promisify(execFile);

/** Runs a CLI command to its end; rejects on a non-zero exit (the error carries stdout and stderr). */
export function runCli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(process.execPath, [SERVER_CLI, ...args], { cwd: ROOT });
}

/** Runs a CLI command with `input` on stdin, synchronously; returns its exit code and both outputs joined. */
export function runCliWithInput(input: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [SERVER_CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
