/**
 * Forwarding, province side: how a push from an 'upstream' device (a district server) is judged. Items
 * may be of any checkpoint of that district, must carry `forwarded` (the district's receipt facts, kept
 * as sent: the district server's clock is the reference), and must name a checkpoint and device the
 * district has upserted first (POST /api/upstream/checkpoints).
 */
import type { CheckIn } from '../../shared/protocol';
import type { Db } from '../db/database';
import { toStoredCheckIn } from '../domain/stored-checkin';
import type { Device, StoredCheckIn } from '../domain/types';
import { upstreamScope } from './province-catalog';

/** The checkpoints and devices of the pushing district that this server knows. */
export interface UpstreamScope {
  checkpoints: Set<string>;
  devices: Set<string>;
}

/** Loads, in two queries, which checkpoints and devices named by a push's items exist under the upstream's unit. */
export async function upstreamJudge(db: Db, device: Device, items: readonly unknown[]): Promise<UpstreamScope> {
  const checkpointIds: string[] = [];
  const deviceIds: string[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as { checkpointId?: unknown; forwarded?: { deviceId?: unknown } };
    if (typeof record.checkpointId === 'string') checkpointIds.push(record.checkpointId);
    if (typeof record.forwarded?.deviceId === 'string') deviceIds.push(record.forwarded.deviceId);
  }
  return upstreamScope(db, device, checkpointIds, deviceIds);
}

/** The stored form of a forwarded item, or why it is rejected. */
export function judgeUpstream(scope: UpstreamScope, item: CheckIn, upstream: Device): StoredCheckIn | string {
  const f = item.forwarded;
  if (item.kind === 'fix') return 'fix_not_forwarded: corrections stay on the district server';
  if (!f) return 'missing_forwarded: an upstream server must send the receipt facts of every item';
  if (!scope.checkpoints.has(item.checkpointId))
    return 'unknown_checkpoint: send it to /api/upstream/checkpoints first';
  if (!scope.devices.has(f.deviceId)) return 'unknown_device: send it to /api/upstream/checkpoints first';
  if (upstream.revokedAt !== null && f.receivedAt > upstream.revokedAt)
    return 'device_revoked: received by the district after this upstream was revoked';
  const stored = toStoredCheckIn(item, {
    deviceId: f.deviceId,
    receivedAt: f.receivedAt,
    clockOffsetMs: f.clockOffsetMs,
  });
  stored.correctedTime = f.correctedTime;
  stored.skewed = f.skewed;
  if (f.fromRevokedDevice) stored.fromRevokedDevice = true;
  return stored;
}
