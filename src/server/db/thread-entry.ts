/**
 * Starting a worker thread on one of the server's own modules. Production runs the esbuild bundle, where
 * each worker is a file of its own beside `cli.js` (`scripts/build-server.mjs` lists them); development and
 * tests run the TypeScript source, where the thread registers tsx's loader before importing the module.
 */
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (no extension) that sits beside `callerUrl` (the caller's `import.meta.url`)
 * in the source tree, and beside the bundle once built.
 */
export function startServerThread(callerUrl: string, name: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
