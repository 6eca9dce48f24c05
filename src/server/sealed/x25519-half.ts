/**
 * The X25519 half of a district key. It is derived from the key file's P-256 scalar with HPKE's own
 * DeriveKeyPair (RFC 9180 §7.1.3, through `@hpke/core`), so key files stay as they are, a backup of the
 * key directory keeps covering both, and every district key, old or new, offers X25519 to devices.
 */
import { DhkemX25519HkdfSha256 } from '@hpke/core';
import { fromBase64url, toBase64url } from '../../shared/sealed/base64url';
import type { X25519Half } from './native-hpke';

/** The X25519 key pair derived from a district P-256 private key (raw scalar, base64url). */
export async function x25519HalfOf(p256PrivateKey: string): Promise<X25519Half> {
  const scalar = fromBase64url(p256PrivateKey);
  if (!scalar || scalar.length !== 32) throw new Error('district private key is not a base64url P-256 scalar');
  const kem = new DhkemX25519HkdfSha256();
  const pair = await kem.deriveKeyPair(scalar.slice().buffer);
  return {
    privateKey: toBase64url(new Uint8Array(await kem.serializePrivateKey(pair.privateKey))),
    publicKey: toBase64url(new Uint8Array(await kem.serializePublicKey(pair.publicKey))),
  };
}
