/**
 * Issue 14, server side: sealed items open with the district key and are stored as before; a wrong key,
 * altered ciphertext or altered visible fields are rejected with a reason; pushes must be signed by the
 * device's key (a copied token alone, a replayed or foreign proof refused); key rotation; the v1 queue.
 */
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API,
  type CheckIn,
  type DeviceConfigResponse,
  type EnrolResponse,
  type PushResponse,
  type SealedItem,
} from '../../src/shared/protocol';
import { buildApp } from '../../src/server/app';
import { countCheckins, findCheckinById } from '../../src/server/db/checkins-repo';
import { createDistrictKey } from '../../src/server/sealed/district-keys';
import { PROOF_ID_KEEP_MS } from '../../src/server/sealed/proof-check';
import { purgeExpired } from '../../src/server/services/retention';
import { buildProof, generateDeviceKey, PROOF_HEADER } from '../../src/shared/sealed/device-proof';
import { generateDistrictKeyPair } from '../../src/shared/sealed/hpke';
import { sealCheckIn } from '../../src/shared/sealed/seal-item';
import {
  checkIns,
  push,
  pushBody,
  rememberDeviceKey,
  signedHeaders,
  startTestServer,
  T0,
  type TestServer,
} from './helpers';

let s: TestServer;
let enrolled: EnrolResponse;
beforeEach(async () => {
  s = await startTestServer();
  enrolled = await s.enrol();
});
afterEach(async () => {
  await s.close();
});

const v2Body = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  ...pushBody(items),
  protocol: 2,
  ...extra,
});
const statuses = (res: { json: () => unknown }) =>
  (res.json() as PushResponse).results.map((r) => `${r.status}${r.reason ? `:${r.reason.split(':')[0]}` : ''}`);

describe('sealed check-ins (protocol 2)', () => {
  it('keeps the private key outside the database in a 0600 file, and gives devices the public key', async () => {
    const dir = join(s.dir, 'district-keys');
    const file = join(dir, `district-key-${enrolled.districtKey!.kid}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const config = await s.app.inject({
      method: 'GET',
      url: API.deviceConfig,
      headers: { authorization: `Bearer ${enrolled.token}` },
    });
    expect(config.json<DeviceConfigResponse>().districtKey).toEqual(enrolled.districtKey);
  });

  it('opens items sealed to the district key and stores what they carried', async () => {
    const [first] = checkIns(s.checkpoint.id, 1) as [CheckIn];
    const plain: CheckIn = {
      ...first,
      risk: { status: 'current', ageDays: 0, kinds: ['symptom'], signals: ['cough'] },
    };
    const sealed = await sealCheckIn(enrolled.districtKey!, plain);
    expect(JSON.stringify(sealed)).not.toContain('cough');
    expect(JSON.stringify(sealed)).not.toContain(plain.person.name);
    expect(JSON.stringify(sealed)).not.toContain(plain.person.idNumber ?? '∅');
    const res = await push(s.app, enrolled.token, v2Body([sealed]));
    expect(statuses(res)).toEqual(['accepted']);
    const stored = await findCheckinById(s.db, plain.id);
    expect(stored?.person.name).toBe(plain.person.name);
    expect(stored?.person.idNumber).toBe(plain.person.idNumber ?? null);
    expect(stored?.declaration).toEqual(plain.declaration ?? null);
    expect(stored?.risk).toEqual(plain.risk);
    expect(statuses(await push(s.app, enrolled.token, v2Body([sealed])))).toEqual(['duplicate']);
  });

  it('rejects with a reason what does not open: wrong key, unknown key, altered ciphertext, altered time', async () => {
    const items = checkIns(s.checkpoint.id, 5);
    const foreign = await generateDistrictKeyPair();
    const wrongKey = await sealCheckIn({ kid: enrolled.districtKey!.kid, publicKey: foreign.publicKey }, items[0]!);
    const unknownKey = await sealCheckIn({ kid: 'k-elsewhere', publicKey: foreign.publicKey }, items[1]!);
    const good = await sealCheckIn(enrolled.districtKey!, items[2]!);
    const altered: SealedItem = await sealCheckIn(enrolled.districtKey!, items[3]!);
    const ct = altered.sealed.ct;
    altered.sealed = { ...altered.sealed, ct: ct.slice(0, 12) + (ct[12] === 'A' ? 'B' : 'A') + ct.slice(13) };
    const retimed: SealedItem = {
      ...(await sealCheckIn(enrolled.districtKey!, items[4]!)),
      deviceTime: items[4]!.deviceTime - 3_600_000,
    };
    const res = await push(s.app, enrolled.token, v2Body([wrongKey, unknownKey, altered, retimed, good]));
    expect(statuses(res)).toEqual([
      'rejected:unseal_failed',
      'rejected:unseal_unknown_key',
      'rejected:unseal_failed',
      'rejected:unseal_failed',
      'accepted',
    ]);
    expect(await countCheckins(s.db)).toBe(1);
  });

  it('rotates the key: items queued under the old key still open, devices get the new key', async () => {
    const items = checkIns(s.checkpoint.id, 2);
    // Sealed before the rotation by a browser without X25519: P-256 only (a 65-byte encapsulated key).
    const { kid, publicKey, x25519 } = enrolled.districtKey!;
    expect(x25519).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const oldSealed = await sealCheckIn({ kid, publicKey }, items[0]!);
    expect(oldSealed.sealed.enc).toHaveLength(87);
    await s.app.close();
    s.clock.now = T0 + 60_000;
    const fresh = await createDistrictKey(join(s.dir, 'district-keys'), s.clock.now);
    s.app = await buildApp({
      ...s.target,
      publicUrl: 'http://district.test',
      now: () => s.clock.now,
      districtKeyDir: join(s.dir, 'district-keys'),
    });
    const config = await s.app.inject({
      method: 'GET',
      url: API.deviceConfig,
      headers: { authorization: `Bearer ${enrolled.token}` },
    });
    expect(config.json<DeviceConfigResponse>().districtKey).toEqual(fresh);
    expect(fresh.kid).not.toBe(enrolled.districtKey!.kid);
    const newSealed = await sealCheckIn(fresh, items[1]!);
    expect(newSealed.sealed.enc).toHaveLength(43);
    expect(statuses(await push(s.app, enrolled.token, v2Body([oldSealed, newSealed])))).toEqual([
      'accepted',
      'accepted',
    ]);
  });

  it('still accepts protocol 1 bodies and plain items inside protocol 2 (a queue from before the upgrade)', async () => {
    const items = checkIns(s.checkpoint.id, 4);
    expect(statuses(await push(s.app, enrolled.token, pushBody(items.slice(0, 2))))).toEqual(['accepted', 'accepted']);
    const sealed = await sealCheckIn(enrolled.districtKey!, items[3]!);
    expect(statuses(await push(s.app, enrolled.token, v2Body([items[2], sealed])))).toEqual(['accepted', 'accepted']);
    expect((await findCheckinById(s.db, items[2]!.id))?.person.name).toBe(items[2]!.person.name);
  });
});

describe('signed pushes (device proof)', () => {
  it('refuses the bearer token alone, copied to another computer', async () => {
    const body = JSON.stringify(pushBody(checkIns(s.checkpoint.id, 1)));
    const res = await s.app.inject({
      method: 'POST',
      url: API.push,
      headers: { authorization: `Bearer ${enrolled.token}`, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'proof_required' });
    // A proof signed by a key of the thief's own is refused too.
    const thief = await generateDeviceKey();
    const forged = await buildProof(thief.privateKey, {
      deviceId: enrolled.deviceId,
      method: 'POST',
      path: API.push,
      body,
      now: T0,
    });
    const res2 = await s.app.inject({
      method: 'POST',
      url: API.push,
      headers: {
        authorization: `Bearer ${enrolled.token}`,
        'content-type': 'application/json',
        [PROOF_HEADER]: forged,
      },
      payload: body,
    });
    expect(res2.json()).toMatchObject({ error: 'proof_bad_signature' });
    expect(await countCheckins(s.db)).toBe(0);
  });

  it('refuses a replayed proof and a proof made for another body', async () => {
    const body = JSON.stringify(pushBody(checkIns(s.checkpoint.id, 2)));
    const headers = await signedHeaders(enrolled.token, body);
    expect((await s.app.inject({ method: 'POST', url: API.push, headers, payload: body })).statusCode).toBe(200);
    const replay = await s.app.inject({ method: 'POST', url: API.push, headers, payload: body });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ error: 'proof_replayed' });
    const other = JSON.stringify(pushBody(checkIns(s.checkpoint.id, 3, 99)));
    const swapped = await s.app.inject({
      method: 'POST',
      url: API.push,
      headers: await signedHeaders(enrolled.token, body),
      payload: other,
    });
    expect(swapped.json()).toMatchObject({ error: 'proof_wrong_request' });
    expect(await countCheckins(s.db)).toBe(2);
  });

  it('answers the second of two requests sent at once with one proof as a replay (on SQLite both claims share a group commit)', async () => {
    const body = JSON.stringify(pushBody(checkIns(s.checkpoint.id, 2)));
    const headers = await signedHeaders(enrolled.token, body);
    const both = await Promise.all(
      [0, 1].map(() => s.app.inject({ method: 'POST', url: API.push, headers, payload: body })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json()).toMatchObject({ error: 'proof_replayed' });
    expect(
      both
        .find((r) => r.statusCode === 200)
        ?.json<PushResponse>()
        .results.map((r) => r.status),
    ).toEqual(['accepted', 'accepted']);
    expect(await countCheckins(s.db)).toBe(2);
  });

  it('forgets proof ids after their keep period in the daily purge, not before', async () => {
    const body = JSON.stringify(pushBody(checkIns(s.checkpoint.id, 1)));
    const headers = await signedHeaders(enrolled.token, body);
    expect((await s.app.inject({ method: 'POST', url: API.push, headers, payload: body })).statusCode).toBe(200);
    const day = 86_400_000;
    expect(PROOF_ID_KEEP_MS).toBe(400 * day);
    expect((await purgeExpired(s.db, Date.now() + 390 * day)).proofIds).toBe(0);
    expect((await purgeExpired(s.db, Date.now() + 410 * day)).proofIds).toBe(1);
  });

  it('upgrades a device enrolled without a key in place: it registers one once with its token', async () => {
    const code = await s.issueCode();
    const old = (
      await s.app.inject({ method: 'POST', url: API.enrol, payload: { code, appVersion: '0.0.9' } })
    ).json<EnrolResponse>();
    const body = pushBody(checkIns(s.checkpoint.id, 1));
    const before = await push(s.app, old.token, body);
    expect(before.json()).toMatchObject({ error: 'device_key_required' });
    const key = await generateDeviceKey();
    const reg = await s.app.inject({
      method: 'POST',
      url: API.deviceKey,
      headers: { authorization: `Bearer ${old.token}` },
      payload: { deviceKey: key.publicJwk },
    });
    expect(reg.statusCode).toBe(201);
    const again = await s.app.inject({
      method: 'POST',
      url: API.deviceKey,
      headers: { authorization: `Bearer ${old.token}` },
      payload: { deviceKey: (await generateDeviceKey()).publicJwk },
    });
    expect(again.json()).toMatchObject({ error: 'device_key_exists' });
    rememberDeviceKey(old.token, old.deviceId, key.privateKey);
    expect(statuses(await push(s.app, old.token, body))).toEqual(['accepted']);
  });
});

describe('clock epochs', () => {
  it('corrects each item by its own epoch, and flags items of an epoch with no known offset', async () => {
    const [a, b, c] = checkIns(s.checkpoint.id, 3) as [CheckIn, CheckIn, CheckIn];
    const key = enrolled.districtKey!;
    // The device clock was right in epoch e1, then set 3 h ahead (epoch e2, now); e0 was before a reload.
    const truth = T0 - 600_000;
    const early = await sealCheckIn(key, { ...a, deviceTime: truth }, 'e1e1');
    const late = await sealCheckIn(key, { ...b, deviceTime: truth + 3 * 3_600_000 }, 'e2e2');
    const lost = await sealCheckIn(key, { ...c, deviceTime: truth }, 'e0e0');
    const body = v2Body([early, late, lost], { sentAt: T0 + 3 * 3_600_000, epoch: 'e2e2', epochs: { e1e1: 0 } });
    expect(statuses(await push(s.app, enrolled.token, body))).toEqual(['accepted', 'accepted', 'accepted']);
    const [sa, sb, sc] = await Promise.all([a, b, c].map((x) => findCheckinById(s.db, x.id)));
    expect(sa?.correctedTime).toBe(truth);
    expect(sb?.correctedTime).toBe(truth);
    expect(sa?.timeUncertain).toBeUndefined();
    expect(sc?.timeUncertain).toBe(true);
  });

  it('takes an epoch named like an object property ("constructor") as an unknown one: stored, flagged, no 500', async () => {
    const [a, b] = checkIns(s.checkpoint.id, 2) as [CheckIn, CheckIn];
    const key = enrolled.districtKey!;
    const items = [await sealCheckIn(key, a, 'constructor'), await sealCheckIn(key, b, 'tostring')];
    const res = await push(s.app, enrolled.token, v2Body(items, { epoch: 'qqqq0000', epochs: { qqqq0000: 0 } }));
    expect(res.statusCode).toBe(200);
    expect(statuses(res)).toEqual(['accepted', 'accepted']);
    const stored = await findCheckinById(s.db, a.id);
    expect(stored?.correctedTime).toBe(a.deviceTime);
    expect(stored?.timeUncertain).toBe(true);
  });
});
