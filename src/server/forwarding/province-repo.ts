/**
 * Forwarding, receiving side (a province, or a nation, or any server above another): lower servers enrolled as
 * 'upstream' devices, each tied to a unit of its own (a district by default; a province on a national server, a
 * commune on a server above communes); the checkpoints and devices their forwarded check-ins refer to, upserted
 * under that unit.
 */
import { v7 as uuidv7 } from 'uuid';
import type { UpstreamCatalog } from '../../shared/protocol';
import type { Db } from '../db/database';
import { insertDevice } from '../db/devices-repo';
import { newDeviceToken, sha256Hex } from '../domain/secrets';
import type { Device } from '../domain/types';

/** Token-hash placeholder of a 'forwarded' device: never a sha256 hex, so no token can ever match it. */
const forwardedTokenHash = (id: string): string => `forwarded:${id}`;

/** Unit levels from the top; a lower server's unit hangs under the first unit of a higher level on this server. */
const LEVELS = ['province', 'district', 'commune'] as const;
/** The level of the unit a lower server stands for. */
export type UpstreamLevel = (typeof LEVELS)[number];

/**
 * Enrols a lower server on this one: a unit of `level` (default district) and an 'upstream' device; returns its
 * token (shown once). Enrolling the same code again gives the unit another token (e.g. a replaced server).
 */
export async function enrolUpstream(
  db: Db,
  input: { name: string; code: string; now: number; level?: UpstreamLevel },
): Promise<{ deviceId: string; unitId: string; token: string }> {
  const level = input.level ?? 'district';
  const token = newDeviceToken();
  const deviceId = uuidv7();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('units')
      .select(['id', 'level'])
      .where('code', '=', input.code)
      .executeTakeFirst();
    let unitId = existing?.id;
    if (existing && existing.level !== level) throw new Error(`unit ${input.code} exists and is not a ${level}`);
    if (!unitId) {
      const higher = LEVELS.slice(0, LEVELS.indexOf(level)).reverse();
      let parentId: string | null = null;
      for (const above of higher) {
        const parent = await trx
          .selectFrom('units')
          .select('id')
          .where('level', '=', above)
          .orderBy('code')
          .executeTakeFirst();
        if (parent) {
          parentId = parent.id;
          break;
        }
      }
      unitId = uuidv7();
      await trx
        .insertInto('units')
        .values({ id: unitId, parent_id: parentId, level, name: input.name, code: input.code })
        .execute();
    }
    await insertDevice(
      trx,
      {
        id: deviceId,
        kind: 'upstream',
        checkpointId: null,
        unitId,
        label: input.name,
        appVersion: 'upstream',
        enrolledAt: input.now,
      },
      sha256Hex(token),
    );
    return { deviceId, unitId, token };
  });
}

/** Why a catalog could not be stored: an id already belongs to another district (or is not a forwarded device). */
export class CatalogConflict extends Error {}

/**
 * Upserts the checkpoints and devices of a district's catalog under the upstream's unit. A checkpoint's
 * code gets the unit code as prefix (`UNIT/CODE`): codes are unique per district, not per province.
 */
export async function upsertCatalog(db: Db, upstream: Device, catalog: UpstreamCatalog, now: number): Promise<void> {
  const unitId = upstream.unitId;
  if (!unitId) throw new CatalogConflict('this upstream device has no district unit');
  await db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('code').where('id', '=', unitId).executeTakeFirstOrThrow();
    for (const cp of catalog.checkpoints) {
      const row = {
        code: `${unit.code}/${cp.code}`,
        name: cp.name,
        type: cp.type,
        address: cp.address,
        default_stay_min: cp.defaultStayMin,
        status: cp.status,
      };
      const existing = await trx.selectFrom('checkpoints').select('unit_id').where('id', '=', cp.id).executeTakeFirst();
      if (existing && existing.unit_id !== unitId)
        throw new CatalogConflict(`checkpoint ${cp.id} belongs to another district`);
      if (existing) {
        await trx.updateTable('checkpoints').set(row).where('id', '=', cp.id).execute();
      } else {
        const taken = await trx.selectFrom('checkpoints').select('id').where('code', '=', row.code).executeTakeFirst();
        if (taken) throw new CatalogConflict(`checkpoint code ${row.code} is taken by another checkpoint`);
        await trx
          .insertInto('checkpoints')
          .values({ id: cp.id, unit_id: unitId, contact_name: null, contact_phone: null, created_at: now, ...row })
          .execute();
      }
    }
    const checkpointIds = new Set(catalog.checkpoints.map((cp) => cp.id));
    for (const device of catalog.devices) {
      const existing = await trx
        .selectFrom('devices')
        .select(['kind', 'unit_id'])
        .where('id', '=', device.id)
        .executeTakeFirst();
      if (existing) {
        if (existing.kind !== 'forwarded' || existing.unit_id !== unitId)
          throw new CatalogConflict(`device ${device.id} belongs to another district`);
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

/** Of the given checkpoint and device ids, those stored under this upstream's district unit. */
export async function upstreamScope(
  db: Db,
  upstream: Device,
  checkpointIds: readonly string[],
  deviceIds: readonly string[],
): Promise<{ checkpoints: Set<string>; devices: Set<string> }> {
  const unitId = upstream.unitId;
  if (!unitId) return { checkpoints: new Set(), devices: new Set() };
  const cps =
    checkpointIds.length === 0
      ? []
      : await db
          .selectFrom('checkpoints')
          .select('id')
          .where('unit_id', '=', unitId)
          .where('id', 'in', [...new Set(checkpointIds)])
          .execute();
  const devs =
    deviceIds.length === 0
      ? []
      : await db
          .selectFrom('devices')
          .select('id')
          .where('unit_id', '=', unitId)
          .where('kind', '=', 'forwarded')
          .where('id', 'in', [...new Set(deviceIds)])
          .execute();
  return { checkpoints: new Set(cps.map((r) => r.id)), devices: new Set(devs.map((r) => r.id)) };
}
