/**
 * Phones a guard added at the door, remembered for that person on this device for the day only (the
 * next scan of the same card today carries it). Kept in one meta row that a new day replaces, under the
 * person's keyed identity hash (never the ID number itself); earlier days' phones are purged with the names.
 */
import type { Person } from '../../shared/protocol';
import { appDb } from './db';
import { withDbRetry } from './retry';
import { matchKeysOf } from './device-secrets';

const KEY = 'dayPhones';

interface DayPhones {
  day: string;
  phones: Record<string, string>;
}

/** Today as `YYYY-MM-DD`, local time. */
function localDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Remembers `phone` for this person until the end of the local day. */
export async function rememberPhone(person: Person, phone: string, now = Date.now()): Promise<void> {
  const day = localDay(now);
  const key = await personHash(person);
  await withDbRetry(() =>
    appDb().transaction('rw', appDb().meta, async () => {
      const row = await appDb().meta.get(KEY);
      const known = row?.value as DayPhones | undefined;
      const phones = known?.day === day ? { ...known.phones } : {};
      phones[key] = phone;
      await appDb().meta.put({ key: KEY, value: { day, phones } satisfies DayPhones });
    }),
  );
}

/** The phone remembered today for this person, if any. */
export async function rememberedPhone(person: Person, now = Date.now()): Promise<string | undefined> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  const known = row?.value as DayPhones | undefined;
  return known?.day === localDay(now) ? known.phones[await personHash(person)] : undefined;
}

/** Forgets the phones of earlier days (called beside the purge of old names). */
export async function purgeOldPhones(now = Date.now()): Promise<void> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  if (row && (row.value as DayPhones).day !== localDay(now)) await withDbRetry(() => appDb().meta.delete(KEY));
}

/** The keyed hash of the person's key (the first of `matchKeysOf`). */
async function personHash(person: Person): Promise<string> {
  const [key] = await matchKeysOf(person);
  return key ?? '';
}
