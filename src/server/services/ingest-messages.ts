/** Reason lines of ingest refusals: a machine code, then the Vietnamese text from the dictionary. */
import { secDataDict } from '../i18n/dict-sec-data';

type IngestReason =
  | 'claimed_in_future'
  | 'self_claimed_too_old'
  | 'claimed_too_old'
  | 'device_revoked'
  | 'device_revoked_grace_over'
  | 'device_revoked_limit'
  | 'stale_door_code';

/** The reason an item result carries: `code: text`. */
export function ingestMessage(code: IngestReason): string {
  return `${code}: ${secDataDict[`reason.${code}`].vi}`;
}
