/**
 * Fuzz: 10,000 random and mutated payloads across every public endpoint, through inject on a real
 * SQLite file. No answer is a 5xx, every refusal is a `{error,message}` 4xx, the server stays healthy,
 * and no refused push leaves any of its check-ins behind (nothing half-written).
 */
import { countCheckins } from '../../src/server/db/checkins-repo';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, PROTOCOL_VERSION } from '../../src/shared/protocol';
import { seededRandom } from '../../src/shared/seeded-random';
import { checkIns, signedHeaders, startTestServer, type TestServer } from './helpers';
import { PROOF_HEADER } from '../../src/shared/sealed/device-proof';

const TOTAL = Number(process.env.FUZZ_COUNT ?? 10_000);
const random = seededRandom(Number(process.env.FUZZ_SEED ?? 7));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const int = (n: number) => Math.floor(random() * n);

/** Values of every JSON shape, nasty ones included. */
function randomValue(depth = 0): unknown {
  const simple = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'Nguyễn Văn An',
    '\u0000',
    '\ud800',
    'x'.repeat(int(5_000)),
    '<script>',
    "'; DROP TABLE checkins; --",
    '__proto__',
    'constructor',
    '1577836800000',
    '0195a3b2-0000-7000-8000-000000000000',
  ];
  if (depth > 3 || random() < 0.6) return pick(simple);
  if (random() < 0.5) return Array.from({ length: int(6) }, () => randomValue(depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = int(5); i > 0; i--)
    obj[pick(['id', 'items', 'person', 'name', 'protocol', 'code', '__proto__', 'constructor', `k${int(99)}`])] =
      randomValue(depth + 1);
  return obj;
}

/** A copy of `value` with one random change somewhere inside it. */
function mutate(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 4 || random() < 0.25) {
    return random() < 0.2 ? undefined : randomValue();
  }
  if (Array.isArray(value)) {
    const copy = [...value];
    const r = random();
    if (r < 0.2 && copy.length > 0) copy.push(copy[int(copy.length)]);
    else if (r < 0.4) copy.splice(int(copy.length + 1), 1);
    else if (copy.length > 0) {
      const i = int(copy.length);
      copy[i] = mutate(copy[i], depth + 1);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const key =
    random() < 0.15 || keys.length === 0 ? pick(['extra', '__proto__', 'constructor', 'toString']) : pick(keys);
  const next = mutate(copy[key], depth + 1);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** Fresh ids on every item, so a refused push's items can be looked for in the database afterwards. */
function freshItems(checkpointId: string, n: number) {
  return checkIns(checkpointId, n, int(1_000)).map((c) => ({ ...c, id: uuidv7() }));
}

describe('fuzz: random and mutated payloads on every public endpoint', () => {
  let s: TestServer;
  let token: string;
  let enrolCode: string;

  beforeAll(async () => {
    s = await startTestServer();
    token = (await s.enrol()).token;
    enrolCode = await s.issueCode();
  });
  afterAll(async () => {
    await s?.close();
  });

  it(
    `answers ${TOTAL} fuzzed requests without a 5xx and without half-written batches`,
    { timeout: 180_000 },
    async () => {
      const statuses = new Map<number, number>();
      const refusedPushIds: string[] = [];
      const fiveHundreds: string[] = [];
      const auths = () =>
        pick([
          `Bearer ${token}`,
          `Bearer ${token}`,
          `Bearer ${token.slice(0, -2)}xx`,
          'Bearer ',
          'Basic abc',
          `Bearer ${'a'.repeat(int(400))}`,
          undefined,
        ]);

      for (let n = 0; n < TOTAL; n++) {
        const target = pick([
          'push',
          'push',
          'push',
          'push',
          'enrol',
          'enrol',
          'visitor',
          'config',
          'get',
          'login',
        ] as const);
        let method: 'GET' | 'POST' = 'POST';
        let url: string;
        let body: unknown;
        let ids: string[] = [];
        const headers: Record<string, string> = {};
        if (target === 'push') {
          url = API.push;
          const items = freshItems(s.checkpoint.id, 1 + int(4));
          const valid = {
            protocol: PROTOCOL_VERSION,
            sentAt: Date.now(),
            appVersion: '0.1.0',
            pending: items.length,
            items,
          };
          body = random() < 0.1 ? randomValue() : mutate(valid);
          ids = items.map((i) => i.id);
          const auth = auths();
          if (auth) headers.authorization = auth;
        } else if (target === 'enrol') {
          url = API.enrol;
          body =
            random() < 0.2
              ? randomValue()
              : mutate({ code: random() < 0.5 ? enrolCode : 'ABCDEFGHJK', appVersion: '0.1.0', deviceLabel: 'Máy 1' });
        } else if (target === 'visitor') {
          url = API.visitorRegister;
          body = random() < 0.3 ? randomValue() : mutate({ appVersion: '0.1.0' });
        } else if (target === 'login') {
          url = '/api/admin/login';
          body = randomValue();
        } else {
          method = 'GET';
          url =
            target === 'config'
              ? API.deviceConfig
              : pick([API.health, API.questionnaire, API.posterKey, `${API.health}?x=${'%'.repeat(int(3))}`]);
          const auth = auths();
          if (auth) headers.authorization = auth;
        }
        // Sometimes the body is not JSON at all, or lies about its type.
        let payload: string | undefined;
        if (method === 'POST') {
          const r = random();
          if (r < 0.05) payload = '{"items": [';
          else if (r < 0.08) payload = Buffer.from(Array.from({ length: int(200) }, () => int(256))).toString('latin1');
          else payload = JSON.stringify(body) ?? 'null';
          headers['content-type'] = pick([
            'application/json',
            'application/json',
            'application/json',
            'text/plain',
            'application/json; charset=utf-16',
            'multipart/form-data',
          ]);
        }
        // The enrolled device signs what it sends, as the app does (the proof covers the bytes, mutated or not).
        if (target === 'push' && payload !== undefined && headers.authorization === `Bearer ${token}`) {
          const proof = (await signedHeaders(token, payload))[PROOF_HEADER];
          if (proof) headers[PROOF_HEADER] = proof;
        }
        const res = await s.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500)
          fiveHundreds.push(
            `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)} for ${String(payload).slice(0, 200)}`,
          );
        if (res.statusCode >= 400) {
          const err = res.json<{ error?: unknown; message?: unknown }>();
          expect(typeof err.error, `${url} ${res.statusCode} ${res.body}`).toBe('string');
          expect(typeof err.message).toBe('string');
          if (target === 'push') refusedPushIds.push(...ids);
        }
      }

      const health = await s.app.inject({ method: 'GET', url: API.health });
      // What the database holds, read through a second connection (SQLite file or PostgreSQL schema alike).
      const leftBehind: string[] = [];
      for (let i = 0; i < refusedPushIds.length; i += 500) {
        const found = await s.db
          .selectFrom('checkins')
          .select('id')
          .where('id', 'in', refusedPushIds.slice(i, i + 500))
          .execute();
        leftBehind.push(...found.map((r) => r.id));
      }
      const rows = await countCheckins(s.db);
      console.log(
        `fuzz: ${TOTAL} requests, statuses ${[...statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([k, v]) => `${k}×${v}`)
          .join(' ')}; ` +
          `${rows} check-ins stored from accepted pushes; ${refusedPushIds.length} items of refused pushes, ${leftBehind.length} left behind`,
      );
      expect(fiveHundreds.slice(0, 5)).toEqual([]);
      expect(health.statusCode).toBe(200);
      expect(leftBehind).toEqual([]);
    },
  );
});
