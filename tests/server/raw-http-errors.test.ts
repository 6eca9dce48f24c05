/**
 * What a client receives when the request itself is odd (API review item 6), sent byte for byte over a socket to a
 * listening server: HTTP parser errors and odd path spellings answer the product's `{ error, message }` body with a
 * reason code the apps can put in words (src/shared/reasons.ts), and path spellings no route matched are the
 * documented JSON 404, never a static-file 403, while the static files stay out of reach.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../src/shared/reasons';
import { startTestServer, type TestServer } from './helpers';

let s: TestServer;
let port: number;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tram-qr-raw-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trạm QR</title>');
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1);');
  s = await startTestServer({ staticDir: join(dist) });
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  const address = s.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await s.close();
  rmSync(dist, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Sends `bytes` as they are and reads every answer until the server closes (or 3 s pass). */
function raw(bytes: string | Buffer): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.end(), 3000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseAnswers(Buffer.concat(chunks).toString('latin1')));
    });
    socket.write(bytes);
  });
}

/** Splits a stream of HTTP/1.1 answers (Content-Length framed) into status, headers and UTF-8 body. */
function parseAnswers(text: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const headers = rest.slice(0, headEnd);
    const length = Number(/content-length: *(\d+)/i.exec(headers)?.[1] ?? rest.length - headEnd - 4);
    const body = Buffer.from(rest.slice(headEnd + 4, headEnd + 4 + length), 'latin1').toString('utf8');
    answers.push({ status: Number(headers.slice(9, 12)), headers, body });
    rest = rest.slice(headEnd + 4 + length);
  }
  return answers;
}

/** The one answer to a GET of `path`, spelled exactly so. */
async function get(path: string, method = 'GET'): Promise<RawAnswer> {
  const answers = await raw(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

/** Expects a product error body whose code has a sentence in the reason dictionary. */
function expectReason(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers).toMatch(/content-type: application\/json/i);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(body.error).toBe(code);
  expect(code in REASONS).toBe(true);
}

describe('HTTP parser errors', () => {
  it('a body longer than its Content-Length: the request is served, the stray bytes get a product 400', async () => {
    const answers = await raw(
      'POST /api/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"a":1}',
    );
    expect(answers.map((a) => a.status)).toEqual([401, 400]);
    expectReason(answers[1]!, 400, 'malformed_request');
  });

  it('two Content-Length headers are refused with bad_content_length', async () => {
    const [answer, ...more] = await raw(
      'POST /api/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{"a":1}',
    );
    expect(more).toEqual([]);
    expectReason(answer!, 400, 'bad_content_length');
  });

  it('a 90 KB query string is a product 431 headers_too_large', async () => {
    const answer = await get(`/api/health?q=${'a'.repeat(90_000)}`);
    expectReason(answer, 431, 'headers_too_large');
  });

  it('a request line that is not HTTP is a product 400', async () => {
    const [answer] = await raw('HELLO\r\n\r\n');
    expectReason(answer!, 400, 'malformed_request');
  });
});

describe('odd path spellings', () => {
  it.each([
    '//api/admin/users',
    '/api/./admin/users',
    '/api/x/../admin/users',
    '/api/admin/users%00',
    '/api/admin/users\\',
    '/api//health',
  ])('GET and HEAD %s answer the JSON 404, as POST does', async (path) => {
    expectReason(await get(path), 404, 'not_found');
    const head = await raw(`HEAD ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(head[0]?.status).toBe(404);
    expectReason(await get(path, 'POST'), 404, 'not_found');
  });

  it('a path segment longer than the router reads: GET finds nothing (404), POST is told the address is too long', async () => {
    const path = `/api/admin/checkpoints/${'a'.repeat(5000)}`;
    expectReason(await get(path), 404, 'not_found');
    expectReason(await get(path, 'POST'), 414, 'url_too_long');
  });

  it('traversal spellings never reach a file outside the static root, and a real file is still served', async () => {
    for (const path of ['/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/../../package.json']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('"name"');
    }
    const file = await get('/assets/app-1.js');
    expect(file.status).toBe(200);
    expect(file.body).toBe('console.log(1);');
  });
});
