/**
 * A correction of a check-in's person (kind `fix` on the wire) as the server stores it: beside the
 * check-in, never over it, so the original stays for audit.
 */
import type { CheckIn } from '../../shared/protocol';
import type { Receipt } from './stored-checkin';

/** The check-in a correction names, as stored (or being stored by the same push). */
interface CorrectionTarget {
  checkpointId: string;
  deviceId: string;
  personKey: string;
}

/** What the server keeps of one correction. */
export interface StoredCorrection {
  id: string;
  checkinId: string;
  personKey: string;
  checkpointId: string;
  deviceId: string;
  name: string;
  phone: string | null;
  address: string | null;
  deviceTime: number;
  correctedTime: number;
  receivedAt: number;
}

/**
 * The correction a `fix` item stands for, or why it is refused (a reason code and sentence). `target` is the
 * check-in its `ref` names (undefined when the server has none): a device corrects only what it recorded itself, and
 * the correction belongs to that check-in's person, whatever the item's own person would key to.
 */
export function toStoredCorrection(
  item: CheckIn,
  receipt: Receipt,
  target: CorrectionTarget | undefined,
): StoredCorrection | string {
  if (item.kind !== 'fix' || !item.ref) return 'invalid_fix: a correction must name the check-in it corrects (ref)';
  if (!target) return 'fix_unknown_checkin: the check-in this corrects is not on the server';
  if (target.deviceId !== receipt.deviceId || target.checkpointId !== item.checkpointId)
    return 'fix_not_own: a device may correct only check-ins it recorded itself';
  return {
    id: item.id,
    checkinId: item.ref,
    personKey: target.personKey,
    checkpointId: item.checkpointId,
    deviceId: receipt.deviceId,
    name: item.person.name,
    phone: item.person.phone ?? null,
    address: item.person.address ?? null,
    deviceTime: item.deviceTime,
    correctedTime: item.deviceTime + receipt.clockOffsetMs,
    receivedAt: receipt.receivedAt,
  };
}
