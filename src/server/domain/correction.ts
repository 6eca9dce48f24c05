/**
 * A correction of a check-in's person (kind `fix` on the wire) as the server stores it: beside the
 * check-in, never over it, so the original stays for audit.
 */
import type { CheckIn } from '../../shared/protocol';
import { personKeyOf } from '../../shared/person-key';
import type { Receipt } from './stored-checkin';

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

/** The correction a `fix` item stands for, or why it is refused (a reason code and sentence). */
export function toStoredCorrection(item: CheckIn, receipt: Receipt): StoredCorrection | string {
  if (item.kind !== 'fix' || !item.ref) return 'invalid_fix: a correction must name the check-in it corrects (ref)';
  return {
    id: item.id,
    checkinId: item.ref,
    personKey: personKeyOf(item.person),
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
