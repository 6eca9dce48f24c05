/**
 * Signed pushes: a guard device's request must carry a proof (shared/sealed/device-proof.ts) signed by
 * the key it registered; the bearer token alone no longer pushes. A proof id is accepted once.
 */
import * as v from 'valibot';
import { DevicePublicJwkSchema, PROOF_HEADER, verifyProof, type ProofFailure } from '../../shared/sealed/device-proof';
import type { Db } from '../db/database';
import { findDevicePublicJwk } from '../db/devices-repo';
import type { Device } from '../domain/types';

/** A proof's time may differ from the request's own device clock (`sentAt`) by at most this much. */
const PROOF_MAX_AGE_MS = 5 * 60_000;
/** Proof ids are remembered this long (longer than any device keeps a queue: a replay stays refused). */
export const PROOF_ID_KEEP_MS = 400 * 86_400_000;

/** A refusal of a request's proof: HTTP status, reason code, sentence. */
interface ProofRefusal {
  status: 401 | 409;
  error: ProofFailure | 'proof_required' | 'device_key_required' | 'proof_replayed';
  message: string;
}

const MESSAGES: Record<ProofRefusal['error'], string> = {
  proof_required: 'This device signs its pushes; a request without the device proof header is refused.',
  device_key_required:
    'This device has not registered its signing key yet; the app registers it once with POST /api/device/key.',
  proof_malformed: 'The device proof is not a well-formed signed proof.',
  proof_wrong_device: 'The device proof was made by another device than the token belongs to.',
  proof_bad_signature: "The device proof's signature does not match this device's registered key.",
  proof_wrong_request: 'The device proof was made for another request (method, path or body differ).',
  proof_stale: "The device proof's time is too far from the request's own clock.",
  proof_replayed: 'This device proof was already used; a replayed request is refused.',
};

const refuse = (error: ProofRefusal['error'], status: ProofRefusal['status'] = 401): ProofRefusal => ({
  status,
  error,
  message: MESSAGES[error],
});

/** True when requests of this device must be signed (guard devices; visitor phones and servers use tokens). */
export function needsProof(device: Device): boolean {
  return device.kind === 'guard';
}

/** The registered public key of a device, parsed; null when it has none. */
async function devicePublicKey(db: Db, deviceId: string): Promise<v.InferOutput<typeof DevicePublicJwkSchema> | null> {
  const text = await findDevicePublicJwk(db, deviceId);
  if (text === null) return null;
  const parsed = v.safeParse(DevicePublicJwkSchema, JSON.parse(text));
  return parsed.success ? parsed.output : null;
}

/** Checks the proof of one request; null when it is good (and its id is now used up). */
export async function checkRequestProof(
  db: Db,
  device: Device,
  request: {
    header: string | string[] | undefined;
    method: string;
    path: string;
    rawBody: string;
    deviceClockMs: number;
    now: number;
  },
  /**
   * Uses up the proof id: the push writes' claim (`services/push-writes.ts`: on SQLite it shares a group commit with
   * pushes instead of paying a commit of its own) answering false for an id used before; 'reusable' for a carried
   * queue file (uploading it twice only finds duplicates, so its proof is not used up).
   */
  use: ((deviceId: string, jti: string, at: number) => Promise<boolean>) | 'reusable',
): Promise<ProofRefusal | null> {
  const jwk = await devicePublicKey(db, device.id);
  if (!jwk) return refuse('device_key_required');
  const header = Array.isArray(request.header) ? request.header[0] : request.header;
  if (!header) return refuse('proof_required');
  const checked = await verifyProof(header, {
    deviceId: device.id,
    jwk,
    method: request.method,
    path: request.path,
    body: request.rawBody,
    clockMs: request.deviceClockMs,
    maxAgeMs: PROOF_MAX_AGE_MS,
  });
  if (!checked.ok) return refuse(checked.error);
  if (use !== 'reusable' && !(await use(device.id, checked.claims.jti, request.now)))
    return refuse('proof_replayed', 409);
  return null;
}

export { PROOF_HEADER };
