import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, MAX_BATCH, MAX_BODY_BYTES, type ErrorBody, type PushResponse } from '../../src/shared/protocol';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { checkIns, pushBody, signedHeaders, startTestServer, type TestServer } from './helpers';

let s: TestServer;
let token: string;
beforeAll(async () => {
  s = await startTestServer();
  token = (await s.enrol()).token;
});
afterAll(async () => {
  await s.close();
});

/** POSTs a raw body to the push route with a valid token. */
async function rawPush(payload: string | Buffer, contentType: string | null = 'application/json') {
  // Signed like the app signs (bodies that are not JSON still carry a proof over their bytes).
  const headers: Record<string, string> = await signedHeaders(token, payload.toString(), { now: s.clock.now });
  if (contentType) headers['content-type'] = contentType;
  else delete headers['content-type'];
  return s.app.inject({ method: 'POST', url: API.push, headers, payload });
}

function expectErrorBody(res: { statusCode: number; json: () => unknown }, status: number, error?: string): void {
  expect(res.statusCode).toBe(status);
  const body = res.json() as ErrorBody;
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  if (error) expect(body.error).toBe(error);
}

describe('bad requests get a 4xx ErrorBody, never a 5xx', () => {
  it('non-JSON body → 400 invalid_json', async () => {
    expectErrorBody(await rawPush('{"protocol":1,'), 400, 'invalid_json');
  });

  it('wrong content type → 415', async () => {
    expectErrorBody(await rawPush(JSON.stringify(pushBody([])), 'text/plain'), 415, 'unsupported_media_type');
    expectErrorBody(await rawPush('protocol=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    expectErrorBody(await rawPush(JSON.stringify(pushBody([])), null), 415, 'unsupported_media_type');
  });

  it('empty body → 400', async () => {
    expectErrorBody(await rawPush(''), 400, 'empty_body');
  });

  it('empty items → 400 with the reason', async () => {
    const res = await rawPush(JSON.stringify(pushBody([])));
    expectErrorBody(res, 400, 'invalid_request');
    expect(res.json<ErrorBody>().message).toBe('items: items is empty');
  });

  it('more than MAX_BATCH items → 400', async () => {
    const res = await rawPush(JSON.stringify(pushBody(checkIns(s.checkpoint.id, MAX_BATCH + 1))));
    expectErrorBody(res, 400, 'invalid_request');
    expect(res.json<ErrorBody>().message).toContain(`more than ${MAX_BATCH} items`);
    expect(await countCheckins(s.db)).toBe(0);
  });

  it('a body over MAX_BODY_BYTES → 413', async () => {
    const [one] = checkIns(s.checkpoint.id, 1);
    const items = Array.from({ length: 400 }, () => ({ ...one, ext: 'x'.repeat(3_000) }));
    const payload = JSON.stringify(pushBody(items));
    expect(payload.length).toBeGreaterThan(MAX_BODY_BYTES);
    expectErrorBody(await rawPush(payload), 413, 'body_too_large');
  });

  it('another protocol version → 400 unsupported_protocol', async () => {
    const res = await rawPush(JSON.stringify({ ...pushBody(checkIns(s.checkpoint.id, 1)), protocol: 3 }));
    expectErrorBody(res, 400, 'unsupported_protocol');
  });

  it('items that are not an array → 400', async () => {
    expectErrorBody(await rawPush(JSON.stringify({ ...pushBody([]), items: { 0: 'a' } })), 400, 'invalid_request');
  });

  it.each(['"hello"', 'null', '[]', '42', 'true', '{}', '{"__proto__":{"x":1}}', '\u0000\u0001garbage', '😀'])(
    'garbage %j → 400',
    async (payload) => {
      const res = await rawPush(payload);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<ErrorBody>()).sort()).toEqual(['error', 'message']);
    },
  );

  it('an unknown /api route → 404 JSON', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expectErrorBody(res, 404, 'not_found');
    expectErrorBody(await s.app.inject({ method: 'GET', url: API.push }), 404, 'not_found');
  });

  it('arbitrary JSON bodies never produce a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await rawPush(JSON.stringify(value) ?? 'null');
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary items are answered one by one, never a 5xx', async () => {
    // Prototype-pollution keys are refused for the whole body (next test); everything else is judged per item.
    const plainJson = fc.jsonValue().filter((value) => !/"(__proto__|constructor)"/.test(JSON.stringify(value)));
    await fc.assert(
      fc.asyncProperty(fc.array(plainJson, { minLength: 1, maxLength: 20 }), async (items) => {
        const res = await rawPush(JSON.stringify(pushBody(items)));
        expect(res.statusCode).toBe(200);
        const { results } = res.json<PushResponse>();
        expect(results).toHaveLength(items.length);
        expect(results.every((r) => r.status === 'rejected' && typeof r.reason === 'string')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a body carrying prototype-pollution keys with a 400 and a reason', async () => {
    const res = await rawPush(
      '{"protocol":1,"sentAt":1,"appVersion":"x","pending":1,"items":[{"__proto__":{"admin":true}}]}',
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<ErrorBody>()).sort()).toEqual(['error', 'message']);
  });

  it('still serves normally after all that', async () => {
    const health = await s.app.inject({ method: 'GET', url: API.health });
    expect(health.json()).toEqual({ ok: true, serverTime: s.clock.now });
    const res = await rawPush(JSON.stringify(pushBody(checkIns(s.checkpoint.id, 3))));
    expect(res.json<PushResponse>().results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
  });
});

describe('bad enrolment requests', () => {
  it.each([
    ['not JSON', 'application/json', '{code'],
    ['a form', 'application/x-www-form-urlencoded', 'code=abc'],
    ['a string', 'application/json', '"abc"'],
    ['a number code', 'application/json', '{"code":12345678,"appVersion":"1"}'],
  ])('%s → 4xx ErrorBody', async (_label, contentType, payload) => {
    const res = await s.app.inject({
      method: 'POST',
      url: API.enrol,
      headers: { 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(Object.keys(res.json<ErrorBody>()).sort()).toEqual(['error', 'message']);
  });
});
