/**
 * Guard devices: their bearer-token hashes and keys, and the devices as the console lists them (with their
 * checkpoint and commune, sync state and backlog).
 */
import type { Device } from '../domain/types';
import type { Db } from './database';
import type { DeviceRow } from './schema';
import type { AdminDevice } from '../../shared/admin-api';

/** The largest value of a 32-bit integer column (PostgreSQL's `integer`). */
const MAX_INT32 = 2_147_483_647;
const nullableNumber = (value: number | null): number | null => (value === null ? null : Number(value));

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    kind: row.kind,
    checkpointId: row.checkpoint_id,
    label: row.label,
    appVersion: row.app_version,
    enrolledAt: Number(row.enrolled_at),
    lastSyncAt: nullableNumber(row.last_sync_at),
    clockOffsetMs: nullableNumber(row.clock_offset_ms),
    pendingReported: nullableNumber(row.pending_reported),
    revokedAt: nullableNumber(row.revoked_at),
    unitId: row.unit_id ?? null,
  };
}

/** Stores a newly enrolled device with the hash of its token. */
export async function insertDevice(
  db: Db,
  device: Pick<Device, 'id' | 'checkpointId' | 'label' | 'appVersion' | 'enrolledAt'> & {
    kind?: Device['kind'];
    unitId?: string | null;
  },
  tokenHash: string,
  publicJwk: string | null = null,
): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: device.id,
      kind: device.kind ?? 'guard',
      checkpoint_id: device.checkpointId,
      token_hash: tokenHash,
      label: device.label,
      app_version: device.appVersion,
      enrolled_at: device.enrolledAt,
      last_sync_at: null,
      clock_offset_ms: null,
      pending_reported: null,
      revoked_at: null,
      unit_id: device.unitId ?? null,
      public_jwk: publicJwk,
    })
    .execute();
}

/** The device holding the token with this hash, if any (revoked ones included). */
export async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<Device | undefined> {
  const row = await db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toDevice(row);
}

/** The device with this id, if any. */
export async function findDeviceById(db: Db, id: string): Promise<Device | undefined> {
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDevice(row);
}

/** Every device ever enrolled to a checkpoint, revoked ones included (numbers the next one's default name). */
export async function countCheckpointDevices(db: Db, checkpointId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('checkpoint_id', '=', checkpointId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Devices enrolled to a checkpoint that are not revoked. */
export async function countActiveDevices(db: Db, checkpointId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('checkpoint_id', '=', checkpointId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What a push tells us about the device: when it synced, its app, clock and backlog. */
interface SyncReport {
  at: number;
  appVersion: string;
  clockOffsetMs: number;
  pendingReported: number;
}

/** Records a sync of this device. */
export async function recordDeviceSync(db: Db, deviceId: string, report: SyncReport): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      last_sync_at: report.at,
      app_version: report.appVersion,
      clock_offset_ms: report.clockOffsetMs,
      pending_reported: Math.min(report.pendingReported, MAX_INT32), // an integer column on both databases
    })
    .where('id', '=', deviceId)
    .execute();
}

/** Revokes a device: its token stops working (403 device_revoked). */
export async function revokeDevice(db: Db, deviceId: string, at: number): Promise<void> {
  await db
    .updateTable('devices')
    .set({ revoked_at: at })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The device's registered public signing key (JWK JSON text), or null when it has none yet. */
export async function findDevicePublicJwk(db: Db, deviceId: string): Promise<string | null> {
  const row = await db.selectFrom('devices').select('public_jwk').where('id', '=', deviceId).executeTakeFirst();
  return row?.public_jwk ?? null;
}

/** Registers a device's public signing key once; false when it already had one (never replaced). */
export async function registerDevicePublicJwk(db: Db, deviceId: string, jwk: string): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ public_jwk: jwk })
    .where('id', '=', deviceId)
    .where('public_jwk', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a proof id of a device; false when it was used before (a replay). Atomic: the primary key decides. */
export async function claimProofId(db: Db, deviceId: string, jti: string, at: number): Promise<boolean> {
  const result = await db
    .insertInto('device_proofs')
    .values({ device_id: deviceId, jti, seen_at: at })
    .onConflict((oc) => oc.columns(['device_id', 'jti']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Forgets proof ids seen before `before` (their proofs are too old to be accepted anyway). */
export async function purgeProofIdsBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('device_proofs').where('seen_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The checkpoint each of the given devices belongs to (null for devices without one), as the forwarding catalog names
 * them.
 */
export async function findDeviceCheckpoints(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; checkpointId: string | null }[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('devices').select(['id', 'checkpoint_id']).where('id', 'in', ids).execute();
  return rows.map((d) => ({ id: d.id, checkpointId: d.checkpoint_id }));
}

const num = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));

/** Guard devices, newest first, all or those of one commune's checkpoints. */
export async function listConsoleDevices(db: Db, unitId: string | null): Promise<AdminDevice[]> {
  let query = db
    .selectFrom('devices')
    .innerJoin('checkpoints', 'checkpoints.id', 'devices.checkpoint_id')
    .innerJoin('units', 'units.id', 'checkpoints.unit_id')
    .select([
      'devices.id',
      'devices.label',
      'devices.checkpoint_id',
      'devices.app_version',
      'devices.enrolled_at',
      'devices.last_sync_at',
      'devices.clock_offset_ms',
      'devices.pending_reported',
      'devices.revoked_at',
      'checkpoints.code as checkpoint_code',
      'checkpoints.name as checkpoint_name',
      'units.id as unit_id',
      'units.name as unit_name',
    ])
    .where('devices.kind', '=', 'guard')
    .orderBy('devices.enrolled_at', 'desc');
  if (unitId !== null) query = query.where('checkpoints.unit_id', '=', unitId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    checkpointId: r.checkpoint_id ?? '',
    checkpointCode: r.checkpoint_code,
    checkpointName: r.checkpoint_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    appVersion: r.app_version,
    enrolledAt: Number(r.enrolled_at),
    lastSyncAt: num(r.last_sync_at),
    clockOffsetMs: num(r.clock_offset_ms),
    pendingReported: num(r.pending_reported),
    revokedAt: num(r.revoked_at),
  }));
}

/** A device's kind and unit, or undefined when there is no such device. */
export async function findDeviceOwner(
  db: Db,
  id: string,
): Promise<{ kind: Device['kind']; unitId: string | null } | undefined> {
  const row = await db.selectFrom('devices').select(['kind', 'unit_id']).where('id', '=', id).executeTakeFirst();
  return row ? { kind: row.kind as Device['kind'], unitId: row.unit_id } : undefined;
}

/** Of these device ids, the forwarded devices stored under this unit. */
export async function forwardedDeviceIdsInUnit(db: Db, unitId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('devices')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('kind', '=', 'forwarded')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
