import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type EnrolResponse, type ErrorBody } from '../../src/shared/protocol';
import { setCheckpointStatus } from '../../src/server/db/checkpoints-repo';
import { findDeviceById } from '../../src/server/db/devices-repo';
import { findEnrolmentCode } from '../../src/server/db/enrolment-codes-repo';
import { hashEnrolmentCode } from '../../src/server/domain/secrets';
import { startTestServer, type TestServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

function enrolWith(code: string) {
  return s.app.inject({ method: 'POST', url: API.enrol, payload: { code, appVersion: '0.1.0' } });
}

describe('POST /api/enrol', () => {
  it('turns a valid code into a device token and tells the device its checkpoint', async () => {
    const code = await s.issueCode();
    const res = await enrolWith(code);

    expect(res.statusCode).toBe(201);
    const body = res.json<EnrolResponse>();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.checkpoint).toEqual({
      id: s.checkpoint.id,
      code: 'TS-DL-001',
      name: 'UBND xã Dân Lực',
      unitName: 'Xã Dân Lực',
      address: 'Thôn 5, xã Dân Lực, huyện Triệu Sơn, Thanh Hóa',
      defaultStayMin: 60,
    });
    expect(body.serverTime).toBe(s.clock.now);

    const device = await findDeviceById(s.db, body.deviceId);
    expect(device?.checkpointId).toBe(s.checkpoint.id);
    const stored = await findEnrolmentCode(s.db, hashEnrolmentCode(code));
    expect(stored?.usedByDevice).toBe(body.deviceId);
    // Neither the code nor the token is stored in clear anywhere in the database file.
    const dump = await s.db.selectFrom('devices').selectAll().execute();
    expect(JSON.stringify(dump)).not.toContain(body.token);
  });

  it('accepts a code typed in capitals with dashes', async () => {
    const code = await s.issueCode();
    const typed = code
      .toUpperCase()
      .replace(/(.{4})/g, '$1-')
      .replace(/-$/, '');
    expect((await enrolWith(typed)).statusCode).toBe(201);
  });

  it('answers 404 for an unknown code', async () => {
    const res = await enrolWith('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error).toBe('unknown_code');
  });

  it('answers 410 for an expired code', async () => {
    const code = await s.issueCode('TS-DL-001', 1);
    s.clock.now += 3_600_001;
    const res = await enrolWith(code);
    expect(res.statusCode).toBe(410);
    expect(res.json<ErrorBody>().error).toBe('code_expired');
  });

  it('answers 409 when the code was already used', async () => {
    const code = await s.issueCode();
    expect((await enrolWith(code)).statusCode).toBe(201);
    const again = await enrolWith(code);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>()).toMatchObject({ error: 'code_used' });
  });

  it('answers 409 when the checkpoint is closed', async () => {
    const code = await s.issueCode();
    await setCheckpointStatus(s.db, s.checkpoint.id, 'closed');
    const res = await enrolWith(code);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error).toBe('checkpoint_closed');
  });

  it('lets exactly one of two concurrent uses of a code win', async () => {
    const code = await s.issueCode();
    const results = await Promise.all([enrolWith(code), enrolWith(code), enrolWith(code)]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const devices = await s.db.selectFrom('devices').select('id').execute();
    expect(devices).toHaveLength(1);
  });

  it('rejects a malformed body with 400 and a reason', async () => {
    const res = await s.app.inject({ method: 'POST', url: API.enrol, payload: { code: 'short', appVersion: '1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toEqual({ error: 'invalid_request', message: 'code: code is too short' });
  });
});
