/**
 * What a revoked guard device does: it sends what it still holds (the server keeps what was recorded
 * before the revocation and refuses the rest), and once every item has the server's answer it wipes.
 */
import { getDeviceRevokedAt, pendingCount } from '../data';
import { getDeviceWipedAt, wipeDevice } from '../data/wipe';
import { flushOutbox } from './flush';

/** Runs the revocation rule when the server said `device_revoked`; true when the device was wiped now. */
export async function wipeIfRevoked(opts: {
  baseUrl: string;
  appVersion: string;
  fetchImpl?: typeof fetch;
}): Promise<boolean> {
  if ((await getDeviceRevokedAt()) === null || (await getDeviceWipedAt()) !== null) return false;
  const result = await flushOutbox(opts);
  if (result.outcome !== 'done' || (await pendingCount()) > 0) return false; // offline: try again later
  await wipeDevice();
  return true;
}
