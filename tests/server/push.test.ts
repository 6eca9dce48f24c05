import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { countCheckins, findCheckinById, listAllCheckins } from '../../src/server/db/checkins-repo';
import { findDeviceById } from '../../src/server/db/devices-repo';
import { checkIns, push, pushBody, startTestServer, T0, type TestServer } from './helpers';

let s: TestServer;
let token: string;
let deviceId: string;
beforeEach(async () => {
  s = await startTestServer();
  const enrolled = await s.enrol();
  token = enrolled.token;
  deviceId = enrolled.deviceId;
});
afterEach(async () => {
  await s.close();
});

describe('POST /api/sync/push', () => {
  it('stores every item once however often the same batch is sent', async () => {
    const items = checkIns(s.checkpoint.id, 50);
    const answers: PushResponse[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await push(s.app, token, pushBody(items));
      expect(res.statusCode).toBe(200);
      answers.push(res.json<PushResponse>());
    }
    expect(answers[0]?.results.map((r) => r.status)).toEqual(items.map(() => 'accepted'));
    expect(answers[1]?.results.map((r) => r.status)).toEqual(items.map(() => 'duplicate'));
    expect(answers[2]?.results.map((r) => r.status)).toEqual(items.map(() => 'duplicate'));
    expect(answers[2]?.results.map((r) => r.id)).toEqual(items.map((i) => i.id));

    const stored = await listAllCheckins(s.db);
    expect(stored.map((c) => c.id).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('stores what the device sent, with the server-derived fields', async () => {
    const item = {
      id: '019ac9f0-6c00-7abc-8def-0123456789ab',
      checkpointId: s.checkpoint.id,
      kind: 'in' as const,
      source: 'cccd' as const,
      deviceTime: T0 - 60_000,
      person: {
        name: '  Nguyễn Văn An ',
        idNumber: '038095001234',
        birthDate: '1995-01-01',
        gender: 'male' as const,
        address: 'Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa',
      },
      declaration: { version: 3, date: '2026-11-28', answers: { fever: false, travel: 'Hà Nội', vaccineDoses: 3 } },
    };
    const res = await push(s.app, token, pushBody([item]));
    expect(res.json<PushResponse>().results).toEqual([{ id: item.id, status: 'accepted' }]);

    const stored = await findCheckinById(s.db, item.id);
    expect(stored).toMatchObject({
      checkpointId: s.checkpoint.id,
      deviceId,
      kind: 'in',
      source: 'cccd',
      deviceTime: T0 - 60_000,
      receivedAt: T0,
      correctedTime: T0 - 60_000,
      skewed: false,
      personKey: 'cccd:038095001234',
      declaration: item.declaration,
      person: { name: 'Nguyễn Văn An', nameFolded: 'nguyen van an', idNumber: '038095001234', birthDate: '1995-01-01' },
    });
  });

  it('rejects an invalid item with a reason and stores the others', async () => {
    const valid = checkIns(s.checkpoint.id, 5);
    const items: unknown[] = [...valid];
    const bad = { ...valid[2], id: valid[2]?.id ?? '', person: { name: '' } };
    items[2] = bad;
    items.push(42);
    const res = await push(s.app, token, pushBody(items));
    expect(res.statusCode).toBe(200);
    const { results } = res.json<PushResponse>();

    expect(results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
      'accepted',
      'accepted',
      'rejected',
    ]);
    expect(results[2]).toEqual({
      id: bad.id,
      status: 'rejected',
      reason: 'invalid_checkin: person.name: name is empty',
    });
    expect(results[5]?.id).toBeNull();
    expect(results[5]?.reason).toMatch(/^invalid_checkin: /);
    expect(await countCheckins(s.db)).toBe(4);
    expect(await findCheckinById(s.db, bad.id)).toBeUndefined();
  });

  it('rejects items for another checkpoint', async () => {
    const [mine, theirs] = checkIns(s.checkpoint.id, 2);
    if (!mine || !theirs) throw new Error('fixture');
    const other = await s.enrol('TS-NUA-001');
    const res = await push(s.app, token, pushBody([mine, { ...theirs, checkpointId: other.checkpoint.id }]));
    const { results } = res.json<PushResponse>();
    expect(results[0]?.status).toBe('accepted');
    expect(results[1]).toMatchObject({ id: theirs.id, status: 'rejected' });
    expect(results[1]?.reason).toMatch(/^wrong_checkpoint: /);
    expect(await countCheckins(s.db)).toBe(1);
  });

  it('answers duplicate for an id repeated inside one batch', async () => {
    const [a, b] = checkIns(s.checkpoint.id, 2);
    if (!a || !b) throw new Error('fixture');
    const res = await push(s.app, token, pushBody([a, b, a]));
    expect(res.json<PushResponse>().results.map((r) => `${r.id}:${r.status}`)).toEqual([
      `${a.id}:accepted`,
      `${b.id}:accepted`,
      `${a.id}:duplicate`,
    ]);
    expect(await countCheckins(s.db)).toBe(2);
  });

  it('records the sync on the device: time, app version, clock offset, backlog', async () => {
    const items = checkIns(s.checkpoint.id, 10);
    s.clock.now = T0 + 5_000;
    await push(s.app, token, { ...pushBody(items, { pending: 35, sentAt: T0 }), appVersion: '0.2.0' });
    const device = await findDeviceById(s.db, deviceId);
    expect(device).toMatchObject({
      lastSyncAt: T0 + 5_000,
      appVersion: '0.2.0',
      clockOffsetMs: 5_000,
      pendingReported: 25,
    });

    await push(s.app, token, pushBody(items, { pending: 3 }));
    expect((await findDeviceById(s.db, deviceId))?.pendingReported).toBe(0);
  });

  it('accepts a full batch of MAX_BATCH realistic items', async () => {
    const items = checkIns(s.checkpoint.id, 500);
    const res = await push(s.app, token, pushBody(items));
    expect(res.statusCode).toBe(200);
    expect(res.json<PushResponse>().results.every((r) => r.status === 'accepted')).toBe(true);
    expect(await countCheckins(s.db)).toBe(500);
  });
});
