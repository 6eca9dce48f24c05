/**
 * The checkpoint poster link: `https://HOST/c/<code>?i=<checkpointId>&n=<name>[&t=<minute>]&s=<signature>`.
 * The server signs it with its Ed25519 key; the PWA verifies it offline with the public key it cached.
 * `t` (minutes since the epoch) appears only on the door-screen code, which is valid for a few minutes,
 * so a photo of it posted online soon stops working. Runs in the browser, the worker and Node (WebCrypto).
 */

const POSTER_PATH_PREFIX = '/c/';
/** How long a door-screen (time-limited) code stays valid after its minute, either way. */
export const DOOR_CODE_TOLERANCE_MIN = 3;

/** What a poster link says: which checkpoint, and the proof that the server issued it. */
export interface PosterClaims {
  code: string;
  checkpointId: string;
  name: string;
  /** Minute (ms / 60 000) a door-screen code was issued; absent on printed posters. */
  t?: number;
}

export interface SignedPoster extends PosterClaims {
  /** base64url Ed25519 signature over `posterMessage(claims)`. */
  sig: string;
}

/** The exact bytes the server signs and the PWA verifies. */
export function posterMessage(claims: PosterClaims): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    new TextEncoder().encode(
      ['TQP1', claims.code, claims.checkpointId, claims.name, claims.t === undefined ? '' : String(claims.t)].join(
        '\n',
      ),
    ),
  );
}

/** Builds the URL printed on the poster (or shown on the door screen). */
export function posterUrl(origin: string, poster: SignedPoster): string {
  const params = new URLSearchParams({ i: poster.checkpointId, n: poster.name });
  if (poster.t !== undefined) params.set('t', String(poster.t));
  params.set('s', poster.sig);
  return `${origin.replace(/\/$/, '')}${POSTER_PATH_PREFIX}${encodeURIComponent(poster.code)}?${params.toString()}`;
}

/** Reads a poster URL (or path with query); null when it is not one. Never throws. */
export function parsePosterUrl(href: string): SignedPoster | null {
  let url: URL;
  try {
    url = new URL(href, 'http://poster.invalid');
  } catch {
    return null;
  }
  const match = /^\/c\/([^/]{1,64})\/?$/.exec(url.pathname);
  const checkpointId = url.searchParams.get('i');
  const name = url.searchParams.get('n');
  const sig = url.searchParams.get('s');
  const tRaw = url.searchParams.get('t');
  if (!match?.[1] || !checkpointId || name === null || !sig || !/^[A-Za-z0-9_-]{80,90}$/.test(sig)) return null;
  let code: string;
  try {
    code = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const poster: SignedPoster = { code, checkpointId, name, sig };
  if (tRaw !== null) {
    if (!/^\d{1,10}$/.test(tRaw)) return null;
    poster.t = Number(tRaw);
  }
  return poster;
}

/** Verifies a poster's signature with the server's raw Ed25519 public key (base64url). */
export async function verifyPoster(
  poster: SignedPoster,
  publicKeyB64: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  try {
    const key = await subtle.importKey('raw', fromBase64Url(publicKeyB64), { name: 'Ed25519' }, false, ['verify']);
    return await subtle.verify({ name: 'Ed25519' }, key, fromBase64Url(poster.sig), posterMessage(poster));
  } catch {
    return false;
  }
}

/** True when a door-screen code's minute is close enough to `nowMs`; printed posters (no `t`) always are. */
export function posterIsFresh(poster: PosterClaims, nowMs: number): boolean {
  if (poster.t === undefined) return true;
  return Math.abs(Math.floor(nowMs / 60_000) - poster.t) <= DOOR_CODE_TOLERANCE_MIN;
}

/** Encodes bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (padding optional); throws on invalid input. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
