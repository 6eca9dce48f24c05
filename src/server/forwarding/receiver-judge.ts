/**
 * Forwarding, receiving side: how a push from a 'forwarder' device (a server below) is judged. Items
 * may be of any checkpoint of that server, must carry `forwarded` (the receipt facts of the first server, kept
 * as sent: that server's clock is the reference), and must name a checkpoint and device the
 * forwarder has upserted first (POST /api/forwarding/catalog).
 */
import type { CheckIn } from '../../shared/protocol';
import type { Db } from '../db/database';
import { toStoredCheckIn } from '../domain/stored-checkin';
import type { Device, StoredCheckIn } from '../domain/types';
import { forwarderScope } from './receiver-catalog';

/** The checkpoints and devices of the pushing forwarder that this server knows. */
interface ForwarderScope {
  checkpoints: Set<string>;
  devices: Set<string>;
}

/** Loads, in two queries, which checkpoints and devices named by a push's items exist under the forwarder's unit. */
export async function loadForwarderScope(db: Db, device: Device, items: readonly unknown[]): Promise<ForwarderScope> {
  const checkpointIds: string[] = [];
  const deviceIds: string[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as { checkpointId?: unknown; forwarded?: { deviceId?: unknown } };
    if (typeof record.checkpointId === 'string') checkpointIds.push(record.checkpointId);
    if (typeof record.forwarded?.deviceId === 'string') deviceIds.push(record.forwarded.deviceId);
  }
  return forwarderScope(db, device, checkpointIds, deviceIds);
}

/** The stored form of a forwarded item, or why it is rejected. */
export function judgeForwarded(scope: ForwarderScope, item: CheckIn, forwarder: Device): StoredCheckIn | string {
  const f = item.forwarded;
  if (item.kind === 'fix') return 'fix_not_forwarded: corrections stay on the server that took them';
  if (!f) return 'missing_forwarded: a forwarder must send the receipt facts of every item';
  if (!scope.checkpoints.has(item.checkpointId)) return 'unknown_checkpoint: send it to /api/forwarding/catalog first';
  if (!scope.devices.has(f.deviceId)) return 'unknown_device: send it to /api/forwarding/catalog first';
  if (forwarder.revokedAt !== null && f.receivedAt > forwarder.revokedAt)
    return 'device_revoked: received below after this forwarder was revoked';
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
