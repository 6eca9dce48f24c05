/**
 * Forwarding, receiving side (a province, or a nation, or any server above another): lower servers enrolled as
 * 'forwarder' devices, each tied to a unit of its own (a district by default; a province on a national server, a
 * commune on a server above communes); the checkpoints and devices their forwarded check-ins refer to, upserted
 * under that unit. No SQL here: each table's repository does its part, in one transaction.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ForwardingCatalog } from '../../shared/protocol';
import type { Db } from '../db/database';
import {
  checkpointCodeTaken,
  checkpointIdsInUnit,
  findCheckpointUnitId,
  saveForwardedCheckpoint,
} from '../db/checkpoints-repo';
import { findDeviceOwner, forwardedDeviceIdsInUnit, insertDevice } from '../db/devices-repo';
import { findUnitByCode, findUnitById, firstUnitOfLevel, insertUnit } from '../db/units-repo';
import { newDeviceToken, sha256Hex } from '../domain/secrets';
import type { Device } from '../domain/types';

/** Token-hash placeholder of a 'forwarded' device: never a sha256 hex, so no token can ever match it. */
const forwardedTokenHash = (id: string): string => `forwarded:${id}`;

/** Unit levels from the top; a lower server's unit hangs under the first unit of a higher level on this server. */
const LEVELS = ['province', 'district', 'commune'] as const;
/** The level of the unit a lower server stands for. */
export type ForwarderLevel = (typeof LEVELS)[number];

/**
 * Enrols a lower server on this one: a unit of `level` (default district) and a 'forwarder' device; returns its
 * token (shown once). Enrolling the same code again gives the unit another token (e.g. a replaced server).
 */
export async function enrolForwarder(
  db: Db,
  input: { name: string; code: string; now: number; level?: ForwarderLevel },
): Promise<{ deviceId: string; unitId: string; token: string }> {
  const level = input.level ?? 'district';
  const token = newDeviceToken();
  const deviceId = uuidv7();
  return db.transaction().execute(async (trx) => {
    const existing = await findUnitByCode(trx, input.code);
    let unitId = existing?.id;
    if (existing && existing.level !== level) throw new Error(`unit ${input.code} exists and is not a ${level}`);
    if (!unitId) {
      let parentId: string | null = null;
      for (const above of LEVELS.slice(0, LEVELS.indexOf(level)).reverse()) {
        parentId = (await firstUnitOfLevel(trx, above)) ?? null;
        if (parentId) break;
      }
      unitId = uuidv7();
      await insertUnit(trx, { id: unitId, parentId, level, name: input.name, code: input.code });
    }
    await insertDevice(
      trx,
      {
        id: deviceId,
        kind: 'forwarder',
        checkpointId: null,
        unitId,
        label: input.name,
        appVersion: 'forwarder',
        enrolledAt: input.now,
      },
      sha256Hex(token),
    );
    return { deviceId, unitId, token };
  });
}

/**
 * Why a catalog could not be stored: an id already belongs to another forwarder's unit (or is not a forwarded device).
 */
export class CatalogConflict extends Error {}

/**
 * Upserts the checkpoints and devices of a forwarder's catalog under the forwarder's unit. A checkpoint's
 * code gets the unit code as prefix (`UNIT/CODE`): codes are unique per server below, not here.
 */
export async function upsertCatalog(db: Db, forwarder: Device, catalog: ForwardingCatalog, now: number): Promise<void> {
  const unitId = forwarder.unitId;
  if (!unitId) throw new CatalogConflict('this forwarder has no unit');
  await db.transaction().execute(async (trx) => {
    const unit = await findUnitById(trx, unitId);
    if (!unit) throw new CatalogConflict('this forwarder has no unit');
    for (const cp of catalog.checkpoints) {
      const forwarded = { ...cp, unitId, code: `${unit.code}/${cp.code}` };
      const owner = await findCheckpointUnitId(trx, cp.id);
      if (owner !== undefined && owner !== unitId)
        throw new CatalogConflict(`checkpoint ${cp.id} belongs to another forwarder's unit`);
      if (owner !== undefined) {
        await saveForwardedCheckpoint(trx, forwarded);
      } else {
        if (await checkpointCodeTaken(trx, forwarded.code))
          throw new CatalogConflict(`checkpoint code ${forwarded.code} is taken by another checkpoint`);
        await saveForwardedCheckpoint(trx, forwarded, now);
      }
    }
    const checkpointIds = new Set(catalog.checkpoints.map((cp) => cp.id));
    for (const device of catalog.devices) {
      const existing = await findDeviceOwner(trx, device.id);
      if (existing) {
        if (existing.kind !== 'forwarded' || existing.unitId !== unitId)
          throw new CatalogConflict(`device ${device.id} belongs to another forwarder's unit`);
        continue;
      }
      const checkpointId =
        device.checkpointId !== null && checkpointIds.has(device.checkpointId) ? device.checkpointId : null;
      await insertDevice(
        trx,
        {
          id: device.id,
          kind: 'forwarded',
          checkpointId,
          unitId,
          label: null,
          appVersion: 'forwarded',
          enrolledAt: now,
        },
        forwardedTokenHash(device.id),
      );
    }
  });
}

/** Of the given checkpoint and device ids, those stored under this forwarder's unit. */
export async function forwarderScope(
  db: Db,
  forwarder: Device,
  checkpointIds: readonly string[],
  deviceIds: readonly string[],
): Promise<{ checkpoints: Set<string>; devices: Set<string> }> {
  const unitId = forwarder.unitId;
  if (!unitId) return { checkpoints: new Set(), devices: new Set() };
  return {
    checkpoints: await checkpointIdsInUnit(db, unitId, checkpointIds),
    devices: await forwardedDeviceIdsInUnit(db, unitId, deviceIds),
  };
}
