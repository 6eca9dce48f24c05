/**
 * Phones a guard added at the door, remembered for that person on this device for the day only (the
 * next scan of the same card today carries it). Kept in one meta row that a new day replaces.
 */
import type { Person } from '../../shared/protocol';
import { appDb } from './db';
import { withDbRetry } from './retry';
import { visitKey } from './visit-key';

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
  await withDbRetry(() =>
    appDb().transaction('rw', appDb().meta, async () => {
      const row = await appDb().meta.get(KEY);
      const known = row?.value as DayPhones | undefined;
      const phones = known?.day === day ? { ...known.phones } : {};
      phones[visitKey(person)] = phone;
      await appDb().meta.put({ key: KEY, value: { day, phones } satisfies DayPhones });
    }),
  );
}

/** The phone remembered today for this person, if any. */
export async function rememberedPhone(person: Person, now = Date.now()): Promise<string | undefined> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  const known = row?.value as DayPhones | undefined;
  return known?.day === localDay(now) ? known.phones[visitKey(person)] : undefined;
}
