/**
 * Guard devices as the console lists them: with their checkpoint and commune, sync state and backlog.
 */
import type { AdminDevice } from '../../shared/admin-api';
import type { Db } from './database';

/** A guard device as the console lists it. */
export type ConsoleDevice = AdminDevice;

const num = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));

/** Guard devices, newest first, all or those of one commune's checkpoints. */
export async function listConsoleDevices(db: Db, unitId: string | null): Promise<ConsoleDevice[]> {
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
