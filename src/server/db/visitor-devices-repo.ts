/**
 * Visitor phones (devices of kind 'visitor', no checkpoint): registration and the per-network counter
 * that rate-limits it. The counter is the devices table itself, so every server instance sees it.
 */
import type { Db } from './database';
import { insertDevice } from './devices-repo';
import { reserveQuota, type QuotaCounter } from './ingest-quota-repo';

/** Stores a newly registered visitor phone; `networkTag` is a short hash of its IP, for rate limiting. */
async function insertVisitorDevice(
  db: Db,
  device: { id: string; appVersion: string; registeredAt: number; networkTag: string },
  tokenHash: string,
): Promise<void> {
  await insertDevice(
    db,
    {
      id: device.id,
      kind: 'visitor',
      checkpointId: null,
      label: visitorLabel(device.networkTag),
      appVersion: device.appVersion,
      enrolledAt: device.registeredAt,
    },
    tokenHash,
  );
}

/**
 * Stores a visitor phone only if the per-address counter has room, reserving it in the same transaction; false when
 * full.
 */
export async function insertVisitorDeviceWithinQuota(
  db: Db,
  device: { id: string; appVersion: string; registeredAt: number; networkTag: string },
  tokenHash: string,
  counter: QuotaCounter,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if ((await reserveQuota(trx, [counter], 1)) === 0) return false;
    await insertVisitorDevice(trx, device, tokenHash);
    return true;
  });
}

function visitorLabel(networkTag: string): string {
  return `visitor ${networkTag}`;
}
