/** Turns this browser into a guard device: trades a one-time enrolment code for a device token. */
import * as v from 'valibot';
import { API, EnrolResponseSchema, ErrorBodySchema, type CheckpointInfo } from '../../shared/protocol';
import {
  currentEpoch,
  ensureDeviceKey,
  markDeviceKeyRegistered,
  recordEpochOffset,
  saveDistrictKey,
  saveEnrolment,
} from '../data';
import { reasonText } from '../../shared/reasons';
import { getLang, t } from '../i18n/i18n';

export type EnrolOutcome =
  { type: 'ok'; checkpoint: CheckpointInfo } | { type: 'offline' } | { type: 'refused'; message: string };

/** Reads the enrolment code from a link's fragment (`/enrol#CODE`) or query (`?code=CODE`). */
export function enrolCodeFromLocation(loc: { hash: string; search: string }): string | null {
  const fromHash = (decodeURIComponent(loc.hash.replace(/^#/, '')).split('?')[0] ?? '').replace(/^code=/, '').trim();
  if (fromHash) return fromHash;
  return new URLSearchParams(loc.search).get('code')?.trim() || null;
}

/** Enrols the device with the server it was loaded from and stores the token. */
export async function enrolDevice(code: string, fetchImpl: typeof fetch = fetch): Promise<EnrolOutcome> {
  let response: Response;
  // The signing key is made here, on the device, and never leaves it: only its public half is sent.
  const key = await ensureDeviceKey();
  try {
    response = await fetchImpl(API.enrol, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, appVersion: __APP_VERSION__, ...deviceLabelFromLink(), deviceKey: key.publicJwk }),
    });
  } catch {
    return { type: 'offline' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = v.safeParse(ErrorBodySchema, body);
    // The reason in the device's language (src/shared/reasons.ts), not the server's English sentence.
    return {
      type: 'refused',
      message: error.success
        ? reasonText(error.output.error, getLang(), error.output.message)
        : `HTTP ${response.status}`,
    };
  }
  const parsed = v.safeParse(EnrolResponseSchema, body);
  if (!parsed.success) return { type: 'refused', message: t('enrol.badAnswer') };
  const { deviceId, token, checkpoint, districtKey, serverTime } = parsed.output;
  if (districtKey) await saveDistrictKey(districtKey);
  await markDeviceKeyRegistered();
  await recordEpochOffset(await currentEpoch(), serverTime - Date.now());
  await saveEnrolment({ deviceId, token, checkpoint, enrolledAt: Date.now() });
  return { type: 'ok', checkpoint };
}

/**
 * The device name an officer put in the link (`/enrol#CODE?name=Máy cổng chính`), if any; the server names it
 * otherwise.
 */
function deviceLabelFromLink(): { deviceLabel?: string } {
  const name = new URLSearchParams(decodeURIComponent(location.hash).split('?')[1] ?? '').get('name')?.trim();
  return name ? { deviceLabel: name.slice(0, 80) } : {};
}
