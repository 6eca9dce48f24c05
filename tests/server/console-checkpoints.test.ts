import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/protocol';
import { parsePosterUrl, verifyPoster } from '../../src/shared/poster/poster-link';
import { listAudit } from '../../src/server/db/audit-repo';
import { checkIns, push, pushBody, rememberDeviceKey, startTestServer, type TestServer } from './helpers';
import { generateDeviceKey } from '../../src/shared/sealed/device-proof';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';

let s: TestServer;
let admin: ConsoleClient;
let officer: ConsoleClient;
let danLucId: string;
let thoTanId: string;

beforeEach(async () => {
  s = await startTestServer();
  await createAccount(s.db, 'admin', 'admin');
  await createAccount(s.db, 'canbo.danluc', 'officer', 'TS-DL');
  admin = await signIn(s.app, 'admin');
  officer = await signIn(s.app, 'canbo.danluc');
  const units = (await admin.request('GET', '/api/admin/units')).json<{ id: string; code: string }[]>();
  danLucId = units.find((u) => u.code === 'TS-DL')!.id;
  thoTanId = units.find((u) => u.code === 'TS-TTA')!.id;
});
afterEach(async () => {
  await s.close();
});

const NEW_CP = {
  name: 'Chợ Dân Lực',
  type: 'market',
  address: 'Thôn 2, xã Dân Lực',
  contactName: 'Nguyễn Thị Hoa',
  contactPhone: '0912 000 111',
  openingHours: '5:00–11:00',
  defaultStayMin: 30,
};

describe('checkpoints in the console', () => {
  it('creates a checkpoint with the next free code of its commune, edits and closes it, all audited', async () => {
    const created = await admin.request('POST', '/api/admin/checkpoints', { ...NEW_CP, unitId: danLucId });
    expect(created.statusCode).toBe(201);
    const cp = created.json<{ id: string; code: string; unitName: string; openingHours: string }>();
    expect(cp).toMatchObject({ code: 'TS-DL-002', unitName: 'Xã Dân Lực', openingHours: '5:00–11:00' });

    const edited = await admin.request('PUT', `/api/admin/checkpoints/${cp.id}`, {
      ...NEW_CP,
      name: 'Chợ trung tâm Dân Lực',
      contactPhone: '',
    });
    expect(edited.json()).toMatchObject({ name: 'Chợ trung tâm Dân Lực', contactPhone: null });
    expect((await admin.request('POST', `/api/admin/checkpoints/${cp.id}/close`)).json().status).toBe('closed');

    const actions = (await listAudit(s.db, 50))
      .filter((e) => e.targetId === cp.id)
      .map((e) => `${e.username} ${e.action}`);
    expect(actions.sort()).toEqual(['admin checkpoint.close', 'admin checkpoint.create', 'admin checkpoint.update']);
  });

  it('answers bad input with 400 and a reason, never 500', async () => {
    for (const body of [
      {},
      { ...NEW_CP, unitId: danLucId, type: 'castle' },
      { ...NEW_CP, unitId: danLucId, defaultStayMin: -1 },
      { ...NEW_CP, unitId: 'nope' },
    ]) {
      const res = await admin.request('POST', '/api/admin/checkpoints', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBeTruthy();
    }
    const taken = await admin.request('POST', '/api/admin/checkpoints', {
      ...NEW_CP,
      unitId: danLucId,
      code: 'ts-dl-001',
    });
    expect(taken.statusCode).toBe(409);
  });

  it('limits a commune officer to their own commune', async () => {
    const mine = (await officer.request('GET', '/api/admin/checkpoints')).json<{ code: string; unitId: string }[]>();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.unitId === danLucId)).toBe(true);

    const all = (await admin.request('GET', '/api/admin/checkpoints')).json<{ id: string; unitId: string }[]>();
    const foreign = all.find((c) => c.unitId !== danLucId)!;
    expect((await officer.request('GET', `/api/admin/checkpoints/${foreign.id}`)).statusCode).toBe(403);
    expect((await officer.request('PUT', `/api/admin/checkpoints/${foreign.id}`, NEW_CP)).statusCode).toBe(403);
    expect((await officer.request('POST', `/api/admin/checkpoints/${foreign.id}/enrolment-links`)).statusCode).toBe(
      403,
    );
    expect((await officer.request('POST', '/api/admin/checkpoints', { ...NEW_CP, unitId: thoTanId })).statusCode).toBe(
      403,
    );
    expect((await officer.request('POST', '/api/admin/checkpoints', { ...NEW_CP, unitId: danLucId })).statusCode).toBe(
      201,
    );
    expect((await officer.request('GET', '/api/admin/audit')).statusCode).toBe(403);
  });

  it('issues an enrolment link that enrols a device, which then shows in the device list', async () => {
    const link = await officer.request('POST', `/api/admin/checkpoints/${s.checkpoint.id}/enrolment-links`, {
      expiresHours: 24,
    });
    expect(link.statusCode).toBe(201);
    const { link: url, qrSvg, expiresAt } = link.json<{ link: string; qrSvg: string; expiresAt: number }>();
    expect(url).toMatch(/^http:\/\/district\.test\/enrol#[a-z2-7]{32}$/);
    expect(qrSvg).toMatch(/^<svg/);
    expect(expiresAt).toBe(s.clock.now + 24 * 3_600_000);

    const code = url.split('#')[1]!;
    // The app enrols with the public half of its signing key; pushes are signed with the private half.
    const key = await generateDeviceKey();
    const enrol = await s.app.inject({
      method: 'POST',
      url: API.enrol,
      payload: { code, appVersion: '0.1.0', deviceLabel: 'Máy cổng', deviceKey: key.publicJwk },
    });
    expect(enrol.statusCode).toBe(201);
    const { token, deviceId } = enrol.json<{ token: string; deviceId: string }>();
    rememberDeviceKey(token, deviceId, key.privateKey);
    s.clock.now += 60_000;
    await push(s.app, token, pushBody(checkIns(s.checkpoint.id, 2), { sentAt: s.clock.now - 2_000, pending: 5 }));

    const devices = (await officer.request('GET', '/api/admin/devices')).json<Record<string, unknown>[]>();
    expect(devices).toEqual([
      expect.objectContaining({
        id: deviceId,
        label: 'Máy cổng',
        checkpointCode: 'TS-DL-001',
        appVersion: '0.1.0',
        lastSyncAt: s.clock.now,
        clockOffsetMs: 2_000,
        pendingReported: 3,
        revokedAt: null,
      }),
    ]);
  });

  it('revokes a device: config refused, pre-revocation queue still accepted and flagged', async () => {
    const { token, deviceId } = await s.enrol();
    const revoke = await officer.request('POST', `/api/admin/devices/${deviceId}/revoke`);
    expect(revoke.statusCode).toBe(200);
    expect((await officer.request('POST', `/api/admin/devices/${deviceId}/revoke`)).statusCode).toBe(409);
    const config = await s.app.inject({
      method: 'GET',
      url: API.deviceConfig,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(config.json().error).toBe('device_revoked');
    const res = await push(s.app, token, pushBody(checkIns(s.checkpoint.id, 1)));
    expect(res.json().results[0].status).toBe('accepted');
    const audit = await listAudit(s.db, 10);
    expect(audit[0]).toMatchObject({ action: 'device.revoke', username: 'canbo.danluc', targetId: deviceId });
  });

  it('officers cannot revoke another commune’s device', async () => {
    const { deviceId } = await s.enrol('TS-TTA-001');
    expect((await officer.request('POST', `/api/admin/devices/${deviceId}/revoke`)).statusCode).toBe(403);
  });

  it('signs posters the PWA verifies offline, and door-screen codes carrying the current minute', async () => {
    const poster = (await officer.request('GET', `/api/admin/checkpoints/${s.checkpoint.id}/poster`)).json<{
      url: string;
      qrSvg: string;
    }>();
    const parsed = parsePosterUrl(poster.url)!;
    expect(parsed).toMatchObject({ code: 'TS-DL-001', checkpointId: s.checkpoint.id, name: 'UBND xã Dân Lực' });
    expect(parsed.t).toBeUndefined();
    const key = (await s.app.inject({ method: 'GET', url: API.posterKey })).json<{ publicKey: string }>().publicKey;
    expect(await verifyPoster(parsed, key)).toBe(true);
    expect(poster.qrSvg).toContain('<path');

    const { link } = (await officer.request('POST', `/api/admin/checkpoints/${s.checkpoint.id}/door-links`)).json<{
      link: string;
    }>();
    expect(link).toMatch(/^http:\/\/district\.test\/console\/door#[A-Za-z0-9_-]{43}$/);
    const doorToken = link.split('#')[1]!;
    const doorCode = () =>
      s.app.inject({ method: 'GET', url: '/api/door/code', headers: { authorization: `Bearer ${doorToken}` } });
    const door = (await doorCode()).json<{ url: string; refreshS: number; checkpoint: { code: string } }>();
    const doorParsed = parsePosterUrl(door.url)!;
    expect(doorParsed.t).toBe(Math.floor(s.clock.now / 60_000));
    expect(await verifyPoster(doorParsed, key)).toBe(true);
    expect(door).toMatchObject({ refreshS: 30, checkpoint: { code: 'TS-DL-001' } });
    // The door token is no console credential, and a newer door link switches the old tablet off.
    expect(
      (
        await s.app.inject({
          method: 'GET',
          url: '/api/admin/checkpoints',
          headers: { authorization: `Bearer ${doorToken}` },
        })
      ).statusCode,
    ).toBe(401);
    await officer.request('POST', `/api/admin/checkpoints/${s.checkpoint.id}/door-links`);
    expect((await doorCode()).statusCode).toBe(401);

    const batch = (await officer.request('GET', `/api/admin/units/${danLucId}/posters`)).json<
      { checkpoint: { code: string } }[]
    >();
    expect(batch.map((p) => p.checkpoint.code)).toEqual(['TS-DL-001']);
    expect((await officer.request('GET', `/api/admin/units/${thoTanId}/posters`)).statusCode).toBe(403);
  });
});
