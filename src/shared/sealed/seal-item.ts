/**
 * Turns a check-in into its protocol-2 form: the personal part sealed to the district key, the rest
 * (ids, kind, source, time, clock epoch) readable for sync and bound to the ciphertext.
 */
import { sealedAad, type CheckIn, type SealedContent, type SealedItem } from '../protocol';
import { sealText, type DistrictPublicKey } from './hpke';

/** The personal part of a check-in: what only the server may read. */
function sealedContentOf(checkIn: CheckIn): SealedContent {
  const content: SealedContent = { person: checkIn.person };
  if (checkIn.declaration) content.declaration = checkIn.declaration;
  if (checkIn.paper) content.paper = checkIn.paper;
  if (checkIn.ext !== undefined) content.ext = checkIn.ext;
  if (checkIn.proof) content.proof = checkIn.proof;
  if (checkIn.risk) content.risk = checkIn.risk;
  return content;
}

/** Seals one check-in to `key`, recorded in clock epoch `epoch`. */
export async function sealCheckIn(key: DistrictPublicKey, checkIn: CheckIn, epoch?: string): Promise<SealedItem> {
  const visible: Omit<SealedItem, 'sealed' | 'v'> = {
    id: checkIn.id,
    checkpointId: checkIn.checkpointId,
    kind: checkIn.kind,
    source: checkIn.source,
    deviceTime: checkIn.deviceTime,
  };
  if (checkIn.ref) visible.ref = checkIn.ref;
  if (checkIn.groupId) visible.groupId = checkIn.groupId;
  if (epoch) visible.epoch = epoch;
  const sealed = await sealText(key, JSON.stringify(sealedContentOf(checkIn)), sealedAad(visible));
  return { v: 2, ...visible, sealed };
}
