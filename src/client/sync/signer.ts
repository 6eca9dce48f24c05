/**
 * The guard device's request signer: the device proof (shared/sealed/device-proof.ts) made with its
 * non-extractable key. A device enrolled before pushes were signed registers its key once, with its token.
 */
import { API } from '../../shared/protocol';
import { buildProof } from '../../shared/sealed/device-proof';
import { ensureDeviceKey, getEnrolment, markDeviceKeyRegistered } from '../data';

import { classifyNetworkFailure, classifyStatus, type FailedOutcome, type RequestSigner } from '../../shared/sync';

/**
 * The signer of this guard device (registering its key first when needed); null on a visitor phone; when
 * the registration could not be made, the sync client's own outcome for that answer (or for no answer).
 */
export async function deviceSigner(
  baseUrl: string,
  now: () => number,
  fetchImpl: typeof fetch = fetch,
): Promise<RequestSigner | null | FailedOutcome> {
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
      // 409: the server already holds a key for this device (ours, registered by an earlier attempt).
      if (res.status !== 201 && res.status !== 409)
        return classifyStatus(res.status, res.headers.get('retry-after'), await res.text().catch(() => ''));
      await markDeviceKeyRegistered();
    } catch {
      return classifyNetworkFailure(false);
    }
  }
  return (request) => buildProof(key.privateKey, { deviceId: enrolment.deviceId, ...request, now: now() });
}
