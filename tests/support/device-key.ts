/**
 * Test devices that sign their pushes like the app: enrol with a fresh non-extractable key and build
 * the device proof header for each request (shared/sealed/device-proof.ts).
 */
import { API, type EnrolResponse } from '../../src/shared/protocol';
import { buildProof, generateDeviceKey, PROOF_HEADER } from '../../src/shared/sealed/device-proof';

/** An enrolled device and the signer of its requests. */
export interface KeyedEnrolment extends EnrolResponse {
  /** The proof header value for one request, signed at `now` (default: the wall clock). */
  sign(request: { method: string; path: string; body: string }, now?: number): Promise<string>;
}

/** Redeems an enrolment code at `baseUrl` with a new signing key. */
export async function enrolKeyed(
  baseUrl: string,
  code: string,
  label = 'test device',
  appVersion = 'test',
): Promise<KeyedEnrolment> {
  const key = await generateDeviceKey();
  const res = await fetch(new URL(API.enrol, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, appVersion, deviceLabel: label, deviceKey: key.publicJwk }),
  });
  if (res.status !== 201) throw new Error(`enrol ${res.status} ${await res.text()}`);
  return withSigner((await res.json()) as EnrolResponse, key.privateKey);
}

/** Adds the signer of `privateKey` to an enrolment. */
export function withSigner(enrolment: EnrolResponse, privateKey: CryptoKey): KeyedEnrolment {
  return {
    ...enrolment,
    sign: (request, now = Date.now()) => buildProof(privateKey, { deviceId: enrolment.deviceId, ...request, now }),
  };
}

/** The headers of a signed JSON push of `body` (a string) by `device`. */
export async function signedPushHeaders(
  device: KeyedEnrolment,
  body: string,
  now = Date.now(),
): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${device.token}`,
    [PROOF_HEADER]: await device.sign({ method: 'POST', path: API.push, body }, now),
  };
}
