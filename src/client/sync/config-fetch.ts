/** Refreshes the guard device's offline kit (checkpoint, questionnaire, settings) whenever it is online. */
import * as v from 'valibot';
import { wipeIfRevoked } from './revocation';
import { API, DeviceConfigResponseSchema } from '../../shared/protocol';
import {
  currentEpoch,
  getEnrolment,
  hasEpochAnchor,
  markDeviceRevoked,
  recordEpochOffset,
  saveDeviceConfig,
  saveDistrictKey,
} from '../data';

/** Fetches /api/device/config and caches it; false when offline or refused (the cached copy stays). */
export async function refreshDeviceConfig(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const enrolment = await getEnrolment();
  if (!enrolment) return false;
  try {
    const response = await fetchImpl(new URL(API.deviceConfig, baseUrl).toString(), {
      headers: { authorization: `Bearer ${enrolment.token}` },
      cache: 'no-store',
    });
    if (response.status === 403 && (await readErrorCode(response)) === 'device_revoked') {
      // Revoked: send what the server still takes (recorded before the revocation), then wipe (revocation.ts).
      await markDeviceRevoked(Date.now());
      await wipeIfRevoked({ baseUrl, appVersion: __APP_VERSION__, fetchImpl });
      return false;
    }
    if (!response.ok) return false;
    const parsed = v.safeParse(DeviceConfigResponseSchema, await response.json());
    if (!parsed.success) return false;
    const { serverTime, districtKey, ...config } = parsed.output;
    await saveDeviceConfig({ ...config, fetchedAt: Date.now() });
    // A rotated district key reaches the device here; the clock offset of this epoch is measured too.
    if (districtKey) await saveDistrictKey(districtKey);
    if (hasEpochAnchor()) await recordEpochOffset(await currentEpoch(), serverTime - Date.now());
    return true;
  } catch {
    return false;
  }
}

async function readErrorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}
