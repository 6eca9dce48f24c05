/**
 * The guard device's keys, kept in IndexedDB as non-extractable CryptoKey objects (they can be used,
 * never read out): the HMAC key repeat-scan matching hashes identities with, and the signing key of
 * the device proof. The district public key it seals to comes with the enrolment and the device config.
 */
import type { Person } from '../../shared/protocol';
import { personKeyOf } from '../../shared/person-key';
import { maskedIdKey } from '../../shared/scan';
import type { DistrictPublicKey } from '../../shared/sealed/hpke';
import { toBase64url } from '../../shared/sealed/base64url';
import { generateDeviceKey, type DevicePublicJwk } from '../../shared/sealed/device-proof';
import { appDb } from './db';
import { withDbRetry } from './retry';

const MATCH_KEY = 'matchKey';
const DEVICE_KEY = 'deviceKey';
const DISTRICT_KEY = 'districtKey';

/** The device's signing key and whether the server knows its public half. */
interface DeviceKey {
  privateKey: CryptoKey;
  publicJwk: DevicePublicJwk;
  registered: boolean;
}

/** Stores `value` under `key` unless another context stored one first; returns the one kept. */
async function putOnce<T>(key: string, value: T): Promise<T> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('rw', db.meta, async () => {
      const existing = await db.meta.get(key);
      if (existing) return existing.value as T;
      await db.meta.put({ key, value });
      return value;
    }),
  );
}

let matchKey: Promise<CryptoKey> | null = null;

/** The device's identity-hashing key (made on first use, never exportable). */
export function getMatchKey(): Promise<CryptoKey> {
  matchKey ??= (async () => {
    const row = await withDbRetry(() => appDb().meta.get(MATCH_KEY));
    if (row) return row.value as CryptoKey;
    const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return putOnce(MATCH_KEY, key);
  })();
  matchKey.catch(() => (matchKey = null));
  return matchKey;
}

/** The identity strings a person is matched on: the person key, and masked-ID tails of 4 to 8 digits. */
function identityStrings(person: Person): string[] {
  const out = new Set<string>([`pk:${personKeyOf(person)}`]);
  if (person.idMasked?.includes('*')) {
    const key = maskedIdKey(person);
    if (key) out.add(`m:${key}`);
  } else if (person.idNumber) {
    for (let digits = 4; digits <= 8; digits++) {
      const key = maskedIdKey(person, digits);
      if (key) out.add(`m:${key}`);
    }
  }
  return [...out];
}

/** Keyed hashes of a person's identity: two scans of one person share at least one (repeat-scan matching). */
export async function matchKeysOf(person: Person): Promise<string[]> {
  const key = await getMatchKey();
  const encoder = new TextEncoder();
  return Promise.all(
    identityStrings(person).map(async (s) =>
      toBase64url(await crypto.subtle.sign('HMAC', key, encoder.encode(s))).slice(0, 22),
    ),
  );
}

/** The keyed hash of a paper sheet and row (the sheet number is sealed; the duplicate check matches on this). */
export async function paperKeyOf(sheet: string, row: number): Promise<string> {
  const key = await getMatchKey();
  const text = `paper:${sheet.trim().toLowerCase()}|${row}`;
  return toBase64url(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text))).slice(0, 22);
}

/** The device's signing key, or null before it made one. */
export async function getDeviceKey(): Promise<DeviceKey | null> {
  const row = await withDbRetry(() => appDb().meta.get(DEVICE_KEY));
  return row ? (row.value as DeviceKey) : null;
}

/** Makes the device's signing key (once); `registered` says whether the server already has its public half. */
export async function ensureDeviceKey(registered = false): Promise<DeviceKey> {
  const existing = await getDeviceKey();
  if (existing) return existing;
  const made = await generateDeviceKey();
  return putOnce<DeviceKey>(DEVICE_KEY, { ...made, registered });
}

/** Records that the server registered the device's public key. */
export async function markDeviceKeyRegistered(): Promise<void> {
  const key = await getDeviceKey();
  if (key) await withDbRetry(() => appDb().meta.put({ key: DEVICE_KEY, value: { ...key, registered: true } }));
}

/** The district key this device seals to, or null (a visitor phone, or a guard device not yet told). */
export async function getDistrictKey(): Promise<DistrictPublicKey | null> {
  const row = await withDbRetry(() => appDb().meta.get(DISTRICT_KEY));
  return row ? (row.value as DistrictPublicKey) : null;
}

/** Stores the district key in force (from the enrolment or a device config: a rotation replaces it). */
export async function saveDistrictKey(key: DistrictPublicKey): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: DISTRICT_KEY, value: key }));
}
