/**
 * Today's list marks arrivals that declared a risk: on a guard device the check-in's risk flags are sealed
 * with the rest, so the kinds (symptom, exposure: no answers) are kept readable beside today's name only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppDb,
  appDb,
  ensureDeviceKey,
  listSince,
  saveCheckIns,
  saveDistrictKey,
  saveEnrolment,
  useDatabase,
} from '../../../src/client/data';
import { createDistrictKey } from '../../../src/server/sealed/district-keys';
import type { RiskFlags } from '../../../src/shared/protocol';
import { DEMO_CHECKPOINT } from '../../support/demo-checkpoint';
import { makeCheckIn } from '../../support/make-checkin';

let n = 0;
let keyDir: string;
beforeEach(() => {
  useDatabase(new AppDb(`today-risk-${++n}`));
  keyDir = mkdtempSync(join(tmpdir(), 'tram-qr-today-risk-'));
});
afterEach(() => rmSync(keyDir, { recursive: true, force: true }));

const cough: RiskFlags = { status: 'current', ageDays: 0, kinds: ['symptom'], signals: ['cough'] };

describe('risk kinds in today’s list', () => {
  it('are read back for a sealed arrival today, though the row itself holds nothing readable', async () => {
    await saveEnrolment({ deviceId: 'dev-1', token: 't', enrolledAt: 0, checkpoint: DEMO_CHECKPOINT });
    await saveDistrictKey(await createDistrictKey(keyDir));
    await ensureDeviceKey(true);
    const sick = makeCheckIn(0, { risk: { ...cough, kinds: ['symptom', 'exposure'], signals: ['cough'] } });
    const well = makeCheckIn(1, { risk: { status: 'current', ageDays: 0, kinds: [], signals: [] } });
    const stale = makeCheckIn(2, { risk: { status: 'stale', ageDays: 3, kinds: [], signals: [] } });
    const out = makeCheckIn(3, { kind: 'out', ref: sick.id });
    await saveCheckIns([sick, well, stale, out]);

    const rows = await appDb().checkins.toArray();
    expect(rows.every((row) => row.sealed && row.risk === undefined && row.person === undefined)).toBe(true);
    const byId = new Map((await listSince(0)).map((l) => [l.checkIn.id, l]));
    expect(byId.get(sick.id)?.risk).toEqual(['symptom', 'exposure']);
    expect(byId.get(sick.id)?.checkIn.person.name).toBe(sick.person.name);
    expect(byId.get(well.id)?.risk).toBeUndefined();
    expect(byId.get(stale.id)?.risk).toBeUndefined();
    expect(byId.get(out.id)?.risk).toBeUndefined();
  });

  it('go with the name when the day ends', async () => {
    await saveEnrolment({ deviceId: 'dev-1', token: 't', enrolledAt: 0, checkpoint: DEMO_CHECKPOINT });
    await saveDistrictKey(await createDistrictKey(keyDir));
    await ensureDeviceKey(true);
    const sick = makeCheckIn(0, { risk: cough });
    await saveCheckIns([sick], Date.now() - 86_400_000);
    const [local] = await listSince(0);
    expect(local?.risk).toBeUndefined();
    expect(local?.checkIn.person.name).not.toBe(sick.person.name);
  });

  it('come from the flags of a plain row (a device without a district key)', async () => {
    const sick = makeCheckIn(0, { risk: cough });
    await saveCheckIns([sick, makeCheckIn(1)]);
    const risks = (await listSince(0)).map((l) => l.risk);
    expect(risks).toContainEqual(['symptom']);
    expect(risks.filter((r) => r === undefined)).toHaveLength(1);
  });
});
