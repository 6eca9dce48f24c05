/**
 * The key that links check-ins of one person across checkpoints, derived on the server from
 * whatever identity the input carried, strongest first.
 */
import type { Person } from './protocol';
import { foldVietnamese } from './text/fold';

/** The birth year from `birthYear` or from a `YYYY-…` birth date, else null. */
function birthYearOf(person: Pick<Person, 'birthYear' | 'birthDate'>): number | null {
  if (person.birthYear !== undefined) return person.birthYear;
  const year = person.birthDate ? Number(person.birthDate.slice(0, 4)) : NaN;
  return Number.isInteger(year) ? year : null;
}

/** A phone number as bare digits in national form (`+84 912…` and `0912…` agree); null when masked or too short. */
function normalisePhone(phone: string | undefined): string | null {
  if (!phone || phone.includes('*')) return null;
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits.length >= 8 ? digits : null;
}

/**
 * Derives the person key: `cccd:<12 digits>`, else `visitor:<id>`, else
 * `masked:<visible trailing digits>|<folded name>|<birth year>`, else `phone:<digits>`,
 * else `name:<folded name>|<birth year or ?>`.
 */
export function personKeyOf(person: Person, nameFolded = foldVietnamese(person.name)): string {
  const id = person.idNumber?.replace(/\s/g, '');
  if (id && /^\d{12}$/.test(id)) return `cccd:${id}`;
  if (person.visitorId) return `visitor:${person.visitorId}`;
  const year = birthYearOf(person);
  const visible = person.idMasked?.match(/\d+$/)?.[0];
  if (visible) return `masked:${visible}|${nameFolded}|${year ?? '?'}`;
  const phone = normalisePhone(person.phone);
  if (phone) return `phone:${phone}`;
  return `name:${nameFolded}|${year ?? '?'}`;
}
