import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let s: TestServer;
let dist: string;
const PWA = '<!doctype html><title>PWA</title>';
const CONSOLE = '<!doctype html><title>Console</title>';

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tram-qr-console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), PWA);
  writeFileSync(join(dist, 'console.html'), CONSOLE);
  s = await startTestServer({ staticDir: dist });
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the console', () => {
  it.each([
    '/console',
    '/console/',
    '/console/checkpoints/0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000',
    '/console/posters/unit/x',
  ])('serves console.html at %s', async (url) => {
    const res = await s.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(CONSOLE);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps serving the PWA elsewhere, and 404s missing console files and unknown console API paths', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/guard' })).body).toBe(PWA);
    expect((await s.app.inject({ method: 'GET', url: '/console/missing.js' })).statusCode).toBe(404);
    const api = await s.app.inject({ method: 'GET', url: '/api/admin/nothing-here' });
    // No route matched, so no console gate: a JSON 404 (never the SPA page), however the path is spelled.
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
    expect((await s.app.inject({ method: 'GET', url: '/API/Admin/nothing-here' })).json()).toMatchObject({
      error: 'not_found',
    });
  });
});
