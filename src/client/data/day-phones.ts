/**
 * Phones a guard added at the door, remembered for that person on this device for the day only (the
 * next scan of the same card today carries it). Kept in one meta row that a new day replaces, under the
 * person's keyed identity hash (never the ID number itself), each phone encrypted (AES-GCM) with a key
 * made for that day, non-extractable and deleted with the day's phones: nothing of it is stored readable.
 */
import type { Person } from '../../shared/protocol';
import { fromBase64url, toBase64url } from '../../shared/sealed/base64url';
import { appDb } from './db';
import { withDbRetry } from './retry';
import { matchKeysOf } from './device-secrets';

const KEY = 'dayPhones';
const DAY_KEY = 'dayPhoneKey';
/** The meta rows of the day's phones (the revocation wipe deletes them). */
export const DAY_PHONE_ROWS = [KEY, DAY_KEY];

interface DayPhones {
  day: string;
  /** Person hash → IV and ciphertext of the phone, base64url. */
  phones: Record<string, { iv: string; ct: string }>;
}

/** The day's phone key; made on first use that day when `create`, else null. */
async function dayKey(day: string, create: boolean): Promise<CryptoKey | null> {
  const db = appDb();
  const row = await withDbRetry(() => db.meta.get(DAY_KEY));
  const known = row?.value as { day: string; key: CryptoKey } | undefined;
  if (known?.day === day) return known.key;
  if (!create) return null;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return withDbRetry(() =>
    db.transaction('rw', db.meta, async () => {
      const again = (await db.meta.get(DAY_KEY))?.value as { day: string; key: CryptoKey } | undefined;
      if (again?.day === day) return again.key;
      await db.meta.put({ key: DAY_KEY, value: { day, key } });
      return key;
    }),
  );
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
  const secret = await dayKey(day, true);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, secret!, new TextEncoder().encode(phone)),
  );
  const sealed = { iv: toBase64url(iv), ct: toBase64url(ct) };
  await withDbRetry(() =>
    appDb().transaction('rw', appDb().meta, async () => {
      const row = await appDb().meta.get(KEY);
      const known = row?.value as DayPhones | undefined;
      const phones = known?.day === day ? { ...known.phones } : {};
      phones[key] = sealed;
      await appDb().meta.put({ key: KEY, value: { day, phones } satisfies DayPhones });
    }),
  );
}

/** The phone remembered today for this person, if any. */
export async function rememberedPhone(person: Person, now = Date.now()): Promise<string | undefined> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  const known = row?.value as DayPhones | undefined;
  const day = localDay(now);
  const sealed = known?.day === day ? known.phones[await personHash(person)] : undefined;
  const secret = sealed ? await dayKey(day, false) : null;
  const iv = sealed && fromBase64url(sealed.iv);
  const ct = sealed && fromBase64url(sealed.ct);
  if (!secret || !iv || !ct) return undefined;
  try {
    return new TextDecoder().decode(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv.slice() }, secret, ct.slice()),
    );
  } catch {
    return undefined;
  }
}

/** Forgets the phones of earlier days (called beside the purge of old names). */
export async function purgeOldPhones(now = Date.now()): Promise<void> {
  const day = localDay(now);
  const [row, keyRow] = await withDbRetry(() => Promise.all([appDb().meta.get(KEY), appDb().meta.get(DAY_KEY)]));
  if (row && (row.value as DayPhones).day !== day) await withDbRetry(() => appDb().meta.delete(KEY));
  if (keyRow && (keyRow.value as { day: string }).day !== day) await withDbRetry(() => appDb().meta.delete(DAY_KEY));
}

/** The keyed hash of the person's key (the first of `matchKeysOf`). */
async function personHash(person: Person): Promise<string> {
  const [key] = await matchKeysOf(person);
  return key ?? '';
}
