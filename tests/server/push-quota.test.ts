/**
 * Push quotas (issue 11, part 2): the red team's script (one anonymous visitor token, 2,000 invented
 * people in half a second) is stopped at the token's quota with 429 + Retry-After; quotas are reserved
 * atomically in the database (parallel pushes never overshoot), per token and per address; an enrolled
 * guard device gets a far larger allowance; the device's sync client reads the Retry-After it is sent.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, PROTOCOL_VERSION, type ErrorBody, type PushRequest, type PushResponse } from '../../src/shared/protocol';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { loadPosterSigner, type PosterSigner } from '../../src/server/services/poster-signing';
import { PUSH_QUOTAS, REGISTER_QUOTA } from '../../src/server/services/ingest-limits';
import { pushBatch } from '../../src/shared/sync';
import { T0, checkIns, pushBody, startTestServer, type TestServer } from './helpers';
import { inventedPeople, pushFrom, registerVisitor, selfCheckIn } from './self-checkin-helpers';

const M = 60_000;
const [VISITOR_10MIN, VISITOR_DAY] = PUSH_QUOTAS.visitorToken;
const [ADDRESS_10MIN] = PUSH_QUOTAS.visitorAddress;

let s: TestServer;
let signer: PosterSigner;
beforeEach(async () => {
  s = await startTestServer();
  signer = await loadPosterSigner(s.db, 'http://district.test', s.clock.now);
});
afterEach(async () => {
  await s.close();
});

/** Self check-ins of invented people at the demo checkpoint, inside a published notice's window. */
const planted = (count: number, seed = 0) =>
  inventedPeople(count, seed).map((p, i) => selfCheckIn(signer, s.checkpoint, p, T0 - 2 * 3_600_000 + i));

describe('push quotas', { timeout: 60_000 }, () => {
  it('stops the 2,000-invented-people script at the visitor token quota, with 429 and Retry-After', async () => {
    const token = await registerVisitor(s.app);
    const items = planted(2_000);
    const answers = [];
    for (let i = 0; i < items.length; i += 500)
      answers.push(await pushFrom(s.app, token, pushBody(items.slice(i, i + 500))));

    // The first push gets answers for the first 120 items only (the rest stays queued on a real phone).
    expect(answers[0]?.statusCode).toBe(200);
    expect(answers[0]?.json<PushResponse>().results).toHaveLength(VISITOR_10MIN!.limit);
    expect(Number(answers[0]?.headers['retry-after'])).toBeGreaterThan(0);
    for (const res of answers.slice(1)) {
      expect(res.statusCode).toBe(429);
      expect(res.json<ErrorBody>().error).toBe('too_many_items');
      // T0 is 08:00: the 10-minute window ends at 08:10.
      expect(res.headers['retry-after']).toBe(String(10 * 60));
    }
    expect(await countCheckins(s.db)).toBe(VISITOR_10MIN!.limit);
  });

  it('opens the next window after Retry-After, up to the daily cap of the token', async () => {
    const token = await registerVisitor(s.app);
    const items = planted(VISITOR_DAY!.limit + 200);
    let sent = 0;
    for (let window = 0; window < 8; window++) {
      s.clock.now = T0 + window * 10 * M;
      const res = await pushFrom(s.app, token, pushBody(items.slice(sent, sent + 500), { sentAt: s.clock.now }));
      if (res.statusCode === 200) sent += res.json<PushResponse>().results.length;
      else expect(res.statusCode).toBe(429);
    }
    expect(sent).toBe(VISITOR_DAY!.limit);
    expect(await countCheckins(s.db)).toBe(VISITOR_DAY!.limit);
  });

  it('reserves atomically: ten simultaneous pushes from one token store exactly the quota', async () => {
    const token = await registerVisitor(s.app);
    const items = planted(300);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => pushFrom(s.app, token, pushBody(items.slice(i * 30, i * 30 + 30)))),
    );
    const answered = answers
      .filter((r) => r.statusCode === 200)
      .reduce((n, r) => n + r.json<PushResponse>().results.length, 0);
    expect(answered).toBe(VISITOR_10MIN!.limit);
    expect(answers.some((r) => r.statusCode === 429)).toBe(true);
    expect(await countCheckins(s.db)).toBe(VISITOR_10MIN!.limit);
  });

  it('caps every visitor token of one address together, and leaves other addresses alone', async () => {
    const tokens = [];
    for (let i = 0; i < 20; i++) tokens.push(await registerVisitor(s.app, '203.0.113.5'));
    let stored = 0;
    for (const [i, token] of tokens.entries()) {
      const res = await pushFrom(s.app, token, pushBody(planted(VISITOR_10MIN!.limit, i + 1)), '203.0.113.5');
      if (res.statusCode === 200) stored += res.json<PushResponse>().results.length;
    }
    expect(stored).toBe(ADDRESS_10MIN!.limit);
    const elsewhere = await registerVisitor(s.app, '198.51.100.7');
    const res = await pushFrom(s.app, elsewhere, pushBody(planted(10, 50)), '198.51.100.7');
    expect(res.json<PushResponse>().results.map((r) => r.status)).toEqual(Array(10).fill('accepted'));
  });

  it('gives an enrolled guard device a far larger allowance: 2,000 scans in one go are all stored', async () => {
    expect(PUSH_QUOTAS.guardToken[0]!.limit).toBeGreaterThanOrEqual(100 * VISITOR_10MIN!.limit);
    const { token } = await s.enrol();
    const items = checkIns(s.checkpoint.id, 2_000);
    for (let i = 0; i < items.length; i += 500)
      expect((await pushFrom(s.app, token, pushBody(items.slice(i, i + 500)))).statusCode).toBe(200);
    expect(await countCheckins(s.db)).toBe(2_000);
  });

  it('limits simultaneous visitor registrations from one address exactly (reserved with the insert)', async () => {
    const answers = await Promise.all(
      Array.from({ length: REGISTER_QUOTA.limit + 15 }, () =>
        s.app.inject({
          method: 'POST',
          url: API.visitorRegister,
          payload: { appVersion: '0.1.0' },
          remoteAddress: '192.0.2.44',
        }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(REGISTER_QUOTA.limit);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(15);
    expect(Number(refused[0]?.headers['retry-after'])).toBe(3_600); // T0 is on the hour
  });
});

describe('the device side', { timeout: 30_000 }, () => {
  it('reads the Retry-After of a 429 from the real server as the time to wait', async () => {
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
    const token = await registerVisitor(s.app);
    const body = (n: number, seed: number): PushRequest => ({
      protocol: PROTOCOL_VERSION,
      sentAt: T0,
      appVersion: '0.1.0',
      pending: n,
      items: planted(n, seed),
    });
    const first = await pushBatch({ baseUrl, token, body: body(VISITOR_10MIN!.limit, 1), timeoutMs: 10_000 });
    expect(first.type).toBe('ok');
    const second = await pushBatch({ baseUrl, token, body: body(5, 2), timeoutMs: 10_000 });
    expect(second).toEqual({ type: 'retry', error: 'busy', retryAfterMs: 600_000 });
  });
});
