import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let s: TestServer;
let dist: string;
const INDEX = '<!doctype html><html lang="vi"><title>Trạm QR</title><div id="app"></div></html>';

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tram-qr-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Trạm QR"}');
  writeFileSync(join(dist, 'assets', 'index-Bx7f3k2a.js'), 'console.log(1);');
  writeFileSync(join(dist, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  s = await startTestServer({ staticDir: dist });
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the PWA', () => {
  it('serves index.html at / without long caching', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
  });

  it.each([
    ['/sw.js', 'no-cache', /javascript/],
    ['/index.html', 'no-cache', /text\/html/],
    ['/manifest.webmanifest', 'no-cache', /manifest\+json|json/],
    ['/assets/index-Bx7f3k2a.js', 'public, max-age=31536000, immutable', /javascript/],
  ])('%s has Cache-Control %s', async (url, cacheControl, type) => {
    const res = await s.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(cacheControl);
    expect(res.headers['content-type']).toMatch(type);
  });

  it.each(['/enrol', '/checkpoint/TS-DL-001', '/trace/person?x=1'])(
    'falls back to index.html for the app route %s',
    async (url) => {
      const res = await s.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('answers 404 for a missing file with an extension and for unknown API paths', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/assets/missing-123.js' })).statusCode).toBe(404);
    const api = await s.app.inject({ method: 'GET', url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });

  it('keeps the API working next to the static files', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ ok: true });
  });
});
