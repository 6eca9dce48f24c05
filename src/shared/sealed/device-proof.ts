/**
 * Device proof of possession, in the style of DPoP (RFC 9449): each push carries a compact JWS (ES256)
 * signed by the device's non-extractable P-256 key over the method, path, body hash, time and a unique id.
 * Both sides use WebCrypto; the server keeps the device's public JWK from enrolment.
 */
import * as v from 'valibot';
import { fromBase64url, sha256b64url, toBase64url } from './base64url';

/** The HTTP header carrying the proof. */
export const PROOF_HEADER = 'device-proof';
/** The JWS `typ` of a push proof. */
const PROOF_TYP = 'dpop+jwt';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A device's public key as registered with the server. */
export const DevicePublicJwkSchema = v.object({
  kty: v.literal('EC'),
  crv: v.literal('P-256'),
  x: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'x must be 32 bytes base64url')),
  y: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'y must be 32 bytes base64url')),
});
export type DevicePublicJwk = v.InferOutput<typeof DevicePublicJwkSchema>;

/** The claims of a push proof. */
const ProofClaimsSchema = v.object({
  htm: v.pipe(v.string(), v.maxLength(10)),
  htu: v.pipe(v.string(), v.maxLength(200)),
  /** SHA-256 of the exact request body, base64url. */
  bh: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  /** Device clock when signed, seconds since the epoch. */
  iat: v.pipe(v.number(), v.integer(), v.minValue(0)),
  jti: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/, 'jti must be 16–64 base64url characters')),
});
type ProofClaims = v.InferOutput<typeof ProofClaimsSchema>;

/** A new signing key pair for a device: the private half can never be exported. */
export async function generateDeviceKey(): Promise<{ privateKey: CryptoKey; publicJwk: DevicePublicJwk }> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } };
}

/** Signs `text` with the device key: a base64url ES256 signature (raw r‖s). */
async function signText(privateKey: CryptoKey, text: string): Promise<string> {
  return toBase64url(await crypto.subtle.sign(SIGN, privateKey, new TextEncoder().encode(text)));
}

/** Verifies a base64url ES256 signature over `text` with a registered public JWK. */
async function verifyText(jwk: DevicePublicJwk, text: string, signature: string): Promise<boolean> {
  const sig = fromBase64url(signature);
  if (!sig || sig.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('jwk', { ...jwk, ext: true }, ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, sig, new TextEncoder().encode(text));
  } catch {
    return false;
  }
}

const json64 = (value: unknown): string => toBase64url(new TextEncoder().encode(JSON.stringify(value)));

/** Builds the proof header value for one request. */
export async function buildProof(
  privateKey: CryptoKey,
  request: { deviceId: string; method: string; path: string; body: string; now: number },
): Promise<string> {
  const jti = toBase64url(crypto.getRandomValues(new Uint8Array(18)));
  const claims: ProofClaims = {
    htm: request.method.toUpperCase(),
    htu: request.path,
    bh: await sha256b64url(request.body),
    iat: Math.floor(request.now / 1000),
    jti,
  };
  const signingInput = `${json64({ typ: PROOF_TYP, alg: 'ES256', kid: request.deviceId })}.${json64(claims)}`;
  return `${signingInput}.${await signText(privateKey, signingInput)}`;
}

/** A proof split into its parts, before any signature check; null when it is not a well-formed proof. */
function readProof(
  header: string | undefined,
): { deviceId: string; claims: ProofClaims; signingInput: string; signature: string } | null {
  const parts = header?.trim().split('.');
  if (!parts || parts.length !== 3) return null;
  const [head, body, signature] = parts as [string, string, string];
  const decode = (part: string): unknown => {
    const bytes = fromBase64url(part);
    if (!bytes || bytes.length > 2000) return null;
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return null;
    }
  };
  const h = v.safeParse(
    v.object({
      typ: v.literal(PROOF_TYP),
      alg: v.literal('ES256'),
      kid: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    }),
    decode(head),
  );
  const c = v.safeParse(ProofClaimsSchema, decode(body));
  if (!h.success || !c.success) return null;
  return { deviceId: h.output.kid, claims: c.output, signingInput: `${head}.${body}`, signature };
}

/** Why a proof was refused, as a reason code (the server maps these to messages). */
export type ProofFailure =
  'proof_malformed' | 'proof_wrong_device' | 'proof_bad_signature' | 'proof_wrong_request' | 'proof_stale';

/**
 * Checks a proof against the request it came with: signature by `jwk`, same method, path and body hash,
 * and `iat` within `maxAgeMs` of `clockMs` (the clock the caller trusts for this device). Replay is the
 * caller's job (remember the jti).
 */
export async function verifyProof(
  header: string | undefined,
  expected: {
    deviceId: string;
    jwk: DevicePublicJwk;
    method: string;
    path: string;
    body: string;
    clockMs: number;
    maxAgeMs: number;
  },
): Promise<{ ok: true; claims: ProofClaims } | { ok: false; error: ProofFailure }> {
  const proof = readProof(header);
  if (!proof) return { ok: false, error: 'proof_malformed' };
  if (proof.deviceId !== expected.deviceId) return { ok: false, error: 'proof_wrong_device' };
  if (!(await verifyText(expected.jwk, proof.signingInput, proof.signature)))
    return { ok: false, error: 'proof_bad_signature' };
  const { claims } = proof;
  if (
    claims.htm !== expected.method.toUpperCase() ||
    claims.htu !== expected.path ||
    claims.bh !== (await sha256b64url(expected.body))
  ) {
    return { ok: false, error: 'proof_wrong_request' };
  }
  if (Math.abs(claims.iat * 1000 - expected.clockMs) > expected.maxAgeMs) return { ok: false, error: 'proof_stale' };
  return { ok: true, claims };
}
