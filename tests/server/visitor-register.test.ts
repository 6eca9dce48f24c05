import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type ErrorBody, type VisitorRegisterResponse } from '../../src/shared/protocol';
import { findDeviceById } from '../../src/server/db/devices-repo';
import { VISITOR_REGISTER_LIMIT } from '../../src/server/routes/visitor';
import { startTestServer, type TestServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

function register(ip = '203.0.113.7', payload: unknown = { appVersion: '0.1.0' }) {
  return s.app.inject({ method: 'POST', url: API.visitorRegister, payload: payload as object, remoteAddress: ip });
}

describe('POST /api/visitor/register', () => {
  it('gives a phone an anonymous visitor device with no checkpoint, storing only the token hash', async () => {
    const res = await register();
    expect(res.statusCode).toBe(201);
    const body = res.json<VisitorRegisterResponse>();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.serverTime).toBe(s.clock.now);
    const device = await findDeviceById(s.db, body.deviceId);
    expect(device).toMatchObject({ kind: 'visitor', checkpointId: null, appVersion: '0.1.0', revokedAt: null });
    const dump = JSON.stringify(await s.db.selectFrom('devices').selectAll().execute());
    expect(dump).not.toContain(body.token);
    expect(dump).not.toContain('203.0.113.7');
  });

  it('answers 400 with a readable message for a bad body', async () => {
    const res = await register(undefined, { appVersion: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toBe('invalid_request');
  });

  it('limits registrations per network in the database, and lets other networks and later hours through', async () => {
    for (let i = 0; i < VISITOR_REGISTER_LIMIT; i++) expect((await register('198.51.100.9')).statusCode).toBe(201);
    const refused = await register('198.51.100.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>().error).toBe('too_many_registrations');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    expect((await register('198.51.100.10')).statusCode).toBe(201);
    s.clock.now += 3_600_001;
    expect((await register('198.51.100.9')).statusCode).toBe(201);
  });
});
