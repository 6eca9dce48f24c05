/**
 * Turns a validated check-in from a device into what the server stores: corrected time, folded
 * name, person key.
 */
import type { CheckIn } from '../../shared/protocol';
import { foldVietnamese } from '../../shared/text/fold';
import { isSkewed } from './clock';
import { personKeyOf } from '../../shared/person-key';
import type { StoredCheckIn } from './types';

/** Receipt facts shared by every item of one push. */
export interface Receipt {
  deviceId: string;
  receivedAt: number;
  clockOffsetMs: number;
}

/** Builds the stored form of one check-in (`in` or `out`) received in a push. */
export function toStoredCheckIn(item: CheckIn, receipt: Receipt): StoredCheckIn {
  // Corrections (kind `fix`) are stored beside check-ins (domain/correction.ts); ingest routes them first.
  if (item.kind === 'fix') throw new TypeError('a correction is not a check-in');
  const p = item.person;
  const nameFolded = foldVietnamese(p.name);
  return {
    id: item.id,
    checkpointId: item.checkpointId,
    deviceId: receipt.deviceId,
    kind: item.kind,
    ref: item.ref ?? null,
    groupId: item.groupId ?? null,
    source: item.source,
    deviceTime: item.deviceTime,
    receivedAt: receipt.receivedAt,
    clockOffsetMs: receipt.clockOffsetMs,
    correctedTime: item.deviceTime + receipt.clockOffsetMs,
    skewed: isSkewed(receipt.clockOffsetMs),
    person: {
      name: p.name,
      nameFolded,
      idNumber: p.idNumber ?? null,
      idMasked: p.idMasked ?? null,
      birthYear: p.birthYear ?? null,
      birthDate: p.birthDate ?? null,
      gender: p.gender ?? null,
      phone: p.phone ?? null,
      address: p.address ?? null,
      visitorId: p.visitorId ?? null,
    },
    personKey: personKeyOf(p, nameFolded),
    declaration: item.declaration ?? null,
    paper: item.paper ?? null,
    ext: item.ext ?? null,
  };
}
