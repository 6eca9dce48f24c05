/**
 * The guard device's request signer: the device proof (shared/sealed/device-proof.ts) made with its
 * non-extractable key. A device enrolled before pushes were signed registers its key once, with its token.
 */
import { API } from '../../shared/protocol';
import { buildProof } from '../../shared/sealed/device-proof';
import { ensureDeviceKey, getEnrolment, markDeviceKeyRegistered } from '../data';

import type { RequestSigner } from '../../shared/sync';

export type { RequestSigner };

/** The signer of this guard device (registering its key first when needed); null on a visitor phone; 'offline' when the registration could not be made. */
export async function deviceSigner(
  baseUrl: string,
  now: () => number,
  fetchImpl: typeof fetch = fetch,
): Promise<RequestSigner | null | 'offline' | 'refused' | 'revoked'> {
  const enrolment = await getEnrolment();
  if (!enrolment) return null;
  const key = await ensureDeviceKey();
  if (!key.registered) {
    try {
      const res = await fetchImpl(new URL(API.deviceKey, baseUrl).toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolment.token}` },
        body: JSON.stringify({ deviceKey: key.publicJwk }),
      });
      if (res.status === 403) return 'revoked';
      if (res.status === 401) return 'refused';
      // 409: the server already holds a key for this device (ours, registered by an earlier attempt).
      if (res.status !== 201 && res.status !== 409) return 'offline';
      await markDeviceKeyRegistered();
    } catch {
      return 'offline';
    }
  }
  return (request) => buildProof(key.privateKey, { deviceId: enrolment.deviceId, ...request, now: now() });
}
