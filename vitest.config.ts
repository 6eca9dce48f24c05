import { defineConfig } from 'vitest/config';

// Three suites: fast unit tests, server tests through inject on real SQLite, browser tests in Chromium.
// Unit and server files share their worker's module cache (isolate: false), which halves the server suites'
// time: nothing a test depends on is left by another file (mocks and timers restored after each test, a database
// of its own per test, IndexedDB names unique per test), while module-level caches (device keys remembered by
// the test helpers, the fake IndexedDB itself) live as long as the worker.
// Order and parallelism (the machine has 2 cores; vitest's default there is one file at a time): first
// unit, server (SQLite and PostgreSQL) and pg files two at a time; then browser files two at a time
// (each has its own server process, data dir and Chromium); last the fault suite, one file at a time.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    maxWorkers: 2,
    // Bundles dist-server/cli.js once: server processes and CLI calls run it with node, not tsx.
    globalSetup: ['tests/support/build-server.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup-unit.ts'],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'server', include: ['tests/server/**/*.test.ts'], isolate: false } },
      // Issue 6: the same server suite on PostgreSQL (127.0.0.1:5432, database `test`), one schema per test.
      // Left out: tests of the SQLite file itself (durability/WAL, the CLI's data dir and backup, the real
      // server process on a data dir); tests/pg/ holds the PostgreSQL-only ones.
      {
        extends: true,
        test: {
          name: 'server-pg',
          include: ['tests/server/**/*.test.ts'],
          exclude: [
            'tests/server/durability.test.ts',
            'tests/server/cli.test.ts',
            'tests/server/console-cli.test.ts',
            'tests/server/server-process.test.ts',
            'tests/server/compiled-cli.test.ts',
          ],
          env: { TEST_DB: 'postgres' },
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'pg',
          include: ['tests/pg/**/*.test.ts'],
          env: { TEST_DB: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      // Issue 7: devices under network, server and clock faults against the real server process.
      {
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
