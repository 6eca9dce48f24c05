/**
 * Who is "the same visitor" on this device. The repeat check matches people through `visitKey` only,
 * so it can later be swapped for a keyed hash of sealed personal fields (one place to change).
 */
import type { Person } from '../../shared/protocol';
import { personKeyOf } from '../../shared/person-key';
import { maskedIdKey, maskedVisibleDigits } from '../../shared/scan';

/** The key a repeat scan or a retyped entry is matched on (today: the server's person key). */
function visitKey(person: Person): string {
  return personKeyOf(person);
}

/** True when two records are the same visitor: same visit key, or a masked national ID that matches a full one. */
export function sameVisitor(a: Person, b: Person): boolean {
  if (visitKey(a) === visitKey(b)) return true;
  const masked = a.idMasked?.includes('*') ? a.idMasked : b.idMasked?.includes('*') ? b.idMasked : undefined;
  if (!masked) return false;
  const digits = maskedVisibleDigits(masked);
  const keyA = maskedIdKey(a, digits);
  return keyA !== null && keyA === maskedIdKey(b, digits);
}
