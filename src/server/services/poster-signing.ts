/**
 * Signs checkpoint poster links with the server's Ed25519 key (GUIDE §2: the poster QR is a URL the
 * PWA verifies offline). Door screens get time-limited signatures; printed posters do not expire.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import {
  posterMessage,
  posterIsFresh,
  posterUrl,
  toBase64Url,
  fromBase64Url,
  type PosterClaims,
  type SignedPoster,
} from '../../shared/poster/poster-link';
import type { Db } from '../db/database';
import { getOrCreateKeyPair } from '../db/server-keys-repo';

export interface PosterSigner {
  /** Raw Ed25519 public key, base64url: what devices cache to verify posters offline. */
  publicKey: string;
  /** Signs the claims. */
  sign(claims: PosterClaims): SignedPoster;
  /** Builds the full poster URL for these claims. */
  url(claims: PosterClaims): string;
  /** Checks a signature made by this server (and, for door codes, that it is still fresh). */
  verify(poster: SignedPoster, nowMs: number): boolean;
}

const KEY_NAME = 'poster-ed25519';

function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'jwk' }).x as string,
    privateKey: toBase64Url(privateKey.export({ format: 'der', type: 'pkcs8' })),
  };
}

/** Loads (creating on first use) the poster signing key and returns the signer. */
export async function loadPosterSigner(db: Db, publicUrl: string, now: number): Promise<PosterSigner> {
  const pair = await getOrCreateKeyPair(db, KEY_NAME, newKeyPair, now);
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.from(fromBase64Url(pair.privateKey)),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey: KeyObject = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: pair.publicKey },
    format: 'jwk',
  });
  const signClaims = (claims: PosterClaims): SignedPoster => ({
    ...claims,
    sig: toBase64Url(sign(null, posterMessage(claims), privateKey)),
  });
  return {
    publicKey: pair.publicKey,
    sign: signClaims,
    url: (claims) => posterUrl(publicUrl, signClaims(claims)),
    verify(poster, nowMs) {
      try {
        return (
          posterIsFresh(poster, nowMs) &&
          verify(null, posterMessage(poster), publicKey, Buffer.from(fromBase64Url(poster.sig)))
        );
      } catch {
        return false;
      }
    },
  };
}
