import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type ErrorBody } from '../../src/shared/protocol';
import { countCheckins, findCheckinById } from '../../src/server/db/checkins-repo';
import { revokeDevice } from '../../src/server/db/devices-repo';
import { checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

describe('push authentication', () => {
  it('answers 401 without a token', async () => {
    const res = await s.app.inject({ method: 'POST', url: API.push, payload: pushBody(checkIns(s.checkpoint.id, 1)) });
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error).toBe('missing_token');
  });

  it.each([
    ['a malformed header', 'Token abc'],
    ['a malformed token', 'Bearer not-a-token'],
    ['an unknown token', `Bearer ${'A'.repeat(43)}`],
  ])('answers 401 with %s', async (_label, authorization) => {
    const res = await s.app.inject({
      method: 'POST',
      url: API.push,
      headers: { authorization },
      payload: pushBody(checkIns(s.checkpoint.id, 1)),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error).toBe('invalid_token');
    expect(await countCheckins(s.db)).toBe(0);
  });

  it('keeps what a revoked device recorded before its revocation (flagged) and rejects the rest', async () => {
    const { token, deviceId } = await s.enrol();
    expect((await push(s.app, token, pushBody(checkIns(s.checkpoint.id, 1, 1)))).statusCode).toBe(200);
    await revokeDevice(s.db, deviceId, s.clock.now);
    const before = checkIns(s.checkpoint.id, 1, 2); // an hour before the revocation
    const after = checkIns(s.checkpoint.id, 1, 3).map((c) => ({ ...c, deviceTime: s.clock.now + 60_000 }));
    s.clock.now += 120_000;
    const res = await push(s.app, token, pushBody([...before, ...after], { sentAt: s.clock.now }));
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: { status: string; reason?: string }[] }>().results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(results[1]?.reason).toMatch(/^device_revoked/);
    const stored = await findCheckinById(s.db, before[0]!.id);
    expect(stored?.fromRevokedDevice).toBe(true);
    expect(await countCheckins(s.db)).toBe(2);
    const config = await s.app.inject({
      method: 'GET',
      url: API.deviceConfig,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.statusCode).toBe(403);
    expect(config.json<ErrorBody>().error).toBe('device_revoked');
  });
});
