/**
 * Issue 14, a queue carried by hand: a guard device's exported file (sealed items, each batch signed for
 * the upload path) uploaded in the console is stored once, with each item's time corrected by its own
 * clock epoch; uploading it again and the phone's own later sync find only duplicates; a file changed
 * in transit or from an unknown device is refused with a reason and stores nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API,
  PROTOCOL_VERSION,
  QUEUE_FILE_BATCH,
  type CheckIn,
  type EnrolResponse,
  type PushRequest,
  type PushResponse,
  type QueueImportResponse,
} from '../../src/shared/protocol';
import { countCheckins, findCheckinById } from '../../src/server/db/checkins-repo';
import { buildProof, generateDeviceKey } from '../../src/shared/sealed/device-proof';
import { sealCheckIn } from '../../src/shared/sealed/seal-item';
import { createAccount } from './console-helpers';
import { signIn, type ConsoleClient } from './console-helpers';
import { checkIns, push, rememberDeviceKey, startTestServer, T0, type TestServer } from './helpers';

const H = 3_600_000;
const D = 24 * H;

let s: TestServer;
let device: EnrolResponse;
let deviceKey: CryptoKey;
let officer: ConsoleClient;

beforeEach(async () => {
  s = await startTestServer();
  const key = await generateDeviceKey();
  const res = await s.app.inject({
    method: 'POST',
    url: API.enrol,
    payload: { code: await s.issueCode(), appVersion: '0.1.0', deviceKey: key.publicJwk },
  });
  device = res.json<EnrolResponse>();
  deviceKey = key.privateKey;
  rememberDeviceKey(device.token, device.deviceId, key.privateKey);
  await createAccount(s.db, 'canbo.danluc', 'officer', 'TS-DL');
  officer = await signIn(s.app, 'canbo.danluc');
});
afterEach(async () => {
  await s.close();
});

/** One batch of an exported file, as the device writes it: a protocol-2 body and its proof for the upload path. */
async function exportedBatch(
  items: unknown[],
  epochs: Record<string, number>,
  exportedAt: number,
): Promise<{ body: string; proof: string }> {
  const body: PushRequest = {
    protocol: PROTOCOL_VERSION,
    sentAt: exportedAt,
    appVersion: '0.1.0',
    pending: items.length,
    items: items as PushRequest['items'],
    epochs,
  };
  const text = JSON.stringify(body);
  return {
    body: text,
    proof: await buildProof(deviceKey, {
      deviceId: device.deviceId,
      method: 'POST',
      path: API.queueImport,
      body: text,
      now: exportedAt,
    }),
  };
}

const upload = (batch: { body: string; proof: string }, deviceId = device.deviceId) =>
  officer.request('POST', API.queueImport, { deviceId, ...batch });
const tally = (answer: QueueImportResponse) =>
  answer.results.reduce<Record<string, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});

describe('a queue carried by hand', () => {
  it('stores the file once with each epoch’s clock; a second upload and the phone’s own sync are all duplicates', async () => {
    // The phone's clock ran an hour slow (offset +1 h measured in epoch "ep01"), then was changed while
    // the app was closed (epoch "ep02", whose offset nobody measured). It exported two days later.
    const plain = checkIns(s.checkpoint.id, 6).map((c) => ({ ...c, deviceTime: c.deviceTime - H }));
    const sealed = await Promise.all(plain.map((c, i) => sealCheckIn(device.districtKey!, c, i < 4 ? 'ep01' : 'ep02')));
    const exportedAt = T0 + 2 * D - H;
    const batch = await exportedBatch(sealed, { ep01: H }, exportedAt);
    expect(batch.body).not.toContain(plain[0]!.person.name);

    s.clock.now = T0 + 3 * D; // carried for a day more
    officer = await signIn(s.app, 'canbo.danluc');
    const first = await upload(batch);
    expect(first.statusCode).toBe(200);
    const answer = first.json<QueueImportResponse>();
    expect(tally(answer)).toEqual({ accepted: 6 });
    expect(answer.checkpoint).toEqual({ code: 'TS-DL-001', name: s.checkpoint.name });
    for (const [i, c] of plain.entries()) {
      const stored = await findCheckinById(s.db, c.id);
      expect(stored?.person.name).toBe(c.person.name);
      if (i < 4) {
        expect(stored?.correctedTime).toBe(c.deviceTime + H);
        expect(stored?.timeUncertain).toBeUndefined();
      } else {
        expect(stored?.timeUncertain).toBe(true);
      }
    }

    expect(tally((await upload(batch)).json<QueueImportResponse>())).toEqual({ duplicate: 6 });
    // The phone comes back online and pushes its queue as usual: nothing is doubled.
    const res = await push(s.app, device.token, {
      protocol: PROTOCOL_VERSION,
      sentAt: s.clock.now - H,
      appVersion: '0.1.0',
      pending: 6,
      items: sealed,
      epoch: 'ep03',
      epochs: { ep01: H },
    });
    expect(res.json<PushResponse>().results.map((r) => r.status)).toEqual(Array(6).fill('duplicate'));
    expect(await countCheckins(s.db)).toBe(6);
  });

  it('refuses a file changed in transit, one from an unknown device, and one that is not a queue file, storing nothing', async () => {
    const plain = checkIns(s.checkpoint.id, 2);
    const sealed = await Promise.all(plain.map((c) => sealCheckIn(device.districtKey!, c, 'ep01')));
    const batch = await exportedBatch(sealed, { ep01: 0 }, T0);

    // Somebody moves a visit an hour earlier on the way.
    const altered = {
      ...batch,
      body: batch.body.replace(`"deviceTime":${plain[0]!.deviceTime}`, `"deviceTime":${plain[0]!.deviceTime - H}`),
    };
    expect(altered.body).not.toBe(batch.body);
    const refused = await upload(altered);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'queue_altered' });
    expect(refused.json<{ message: string }>().message).toContain('bị sửa');

    const stranger = await upload(batch, '01936f00-0000-7000-8000-000000000000');
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json()).toMatchObject({ error: 'queue_unknown_device' });
    // Another commune's officer cannot carry this device's file in, nor learn that the device exists.
    await createAccount(s.db, 'canbo.danquyen', 'officer', 'TS-DQ');
    const neighbour = await signIn(s.app, 'canbo.danquyen');
    const across = await neighbour.request('POST', API.queueImport, { deviceId: device.deviceId, ...batch });
    expect(across.statusCode).toBe(422);
    expect(across.json()).toEqual(stranger.json());

    const garbage = await officer.request('POST', API.queueImport, {
      deviceId: device.deviceId,
      body: '{"protocol":2',
      proof: batch.proof,
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ error: 'queue_unreadable' });
    expect(await countCheckins(s.db)).toBe(0);

    // The untouched file still goes in.
    expect(tally((await upload(batch)).json<QueueImportResponse>())).toEqual({ accepted: 2 });
  });

  it('takes a whole batch of the size the app writes', async () => {
    const plain = checkIns(s.checkpoint.id, QUEUE_FILE_BATCH);
    const sealed = await Promise.all(plain.map((c: CheckIn) => sealCheckIn(device.districtKey!, c, 'ep01')));
    const res = await upload(await exportedBatch(sealed, { ep01: 0 }, T0));
    expect(res.statusCode).toBe(200);
    expect(tally(res.json<QueueImportResponse>())).toEqual({ accepted: QUEUE_FILE_BATCH });
  });
});
