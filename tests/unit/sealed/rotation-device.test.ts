/**
 * Issue 14, key rotation on the device: a check-in queued under the old district key stays sealed to it,
 * the device config hands the device the new key, the next check-in is sealed to the new one, and the
 * server's keyring (both key files) opens both from what the device actually sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppDb,
  ensureDeviceKey,
  getDistrictKey,
  saveCheckIns,
  saveDistrictKey,
  saveEnrolment,
  useDatabase,
} from '../../../src/client/data';
import { refreshDeviceConfig } from '../../../src/client/sync/config-fetch';
import { flushOutbox } from '../../../src/client/sync/flush';
import { createDistrictKey, loadDistrictKeyring } from '../../../src/server/sealed/district-keys';
import { openItems } from '../../../src/server/sealed/unseal';
import { API, type DeviceConfigResponse } from '../../../src/shared/protocol';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';
import { FakeSyncServer } from '../../support/fake-sync-server';
import { makeCheckIn } from '../../support/make-checkin';

let n = 0;
let keyDir: string;
beforeEach(() => {
  useDatabase(new AppDb(`rotation-${++n}`));
  keyDir = mkdtempSync(join(tmpdir(), 'tram-qr-rotation-'));
});
afterEach(() => rmSync(keyDir, { recursive: true, force: true }));

describe('district key rotation on a guard device', () => {
  it('seals to the new key once the config brings it; the server opens both queued items', async () => {
    const oldKey = await createDistrictKey(keyDir, 1_000);
    await saveEnrolment({ deviceId: 'dev-1', token: 't', enrolledAt: 0, checkpoint: DEMO_CHECKPOINT });
    await saveDistrictKey(oldKey);
    await ensureDeviceKey(true);
    const queuedBefore = makeCheckIn(1, { checkpointId: DEMO_CHECKPOINT.id });
    await saveCheckIns([queuedBefore]);

    const newKey = await createDistrictKey(keyDir, 2_000);
    const config: DeviceConfigResponse = {
      checkpoint: { ...DEMO_CHECKPOINT, status: 'open' },
      questionnaire: DEFAULT_QUESTIONNAIRE,
      settings: { repeatWindowMin: 30, retentionDays: 28 },
      serverTime: Date.now(),
      districtKey: newKey,
    };
    const configFetch: typeof fetch = async (input) =>
      String(input).endsWith(API.deviceConfig)
        ? new Response(JSON.stringify(config))
        : new Response('', { status: 404 });
    expect(await refreshDeviceConfig('http://district.test', configFetch)).toBe(true);
    expect((await getDistrictKey())?.kid).toBe(newKey.kid);
    const queuedAfter = makeCheckIn(2, { checkpointId: DEMO_CHECKPOINT.id });
    await saveCheckIns([queuedAfter]);

    // What the device sends: capture the push body on its way out.
    const server = new FakeSyncServer('t');
    const sent: unknown[] = [];
    const pushFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith(API.push))
        sent.push(...(JSON.parse(String(init?.body)) as { items: unknown[] }).items);
      return server.fetch(input, init);
    };
    await flushOutbox({ baseUrl: 'http://district.test', appVersion: 'test', fetchImpl: pushFetch, timeoutMs: 2_000 });
    expect(sent).toHaveLength(2);
    const kids = sent.map((item) => (item as { sealed?: { kid: string } }).sealed?.kid);
    expect(kids).toEqual([oldKey.kid, newKey.kid]);

    const keyring = await loadDistrictKeyring(keyDir);
    try {
      expect(keyring.current.kid).toBe(newKey.kid);
      const opened = await openItems(keyring, sent);
      expect(opened.map((o) => (o.ok ? (o.item as { person: { name: string } }).person.name : o.reason))).toEqual([
        queuedBefore.person.name,
        queuedAfter.person.name,
      ]);
    } finally {
      await keyring.close();
    }
  });
});
