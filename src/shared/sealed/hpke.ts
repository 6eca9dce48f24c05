/**
 * Sealing check-ins to the district's public key: HPKE (RFC 9180) base mode through `@hpke/core` on
 * WebCrypto, with HKDF-SHA256 and AES-128-GCM. The KEM is DHKEM(X25519) when the district key offers
 * an X25519 half and the browser has X25519 (Chrome 133+, Firefox 130+, Safari 17+): opening it costs
 * the server a third of P-256's key agreement. Older browsers seal with DHKEM(P-256), which every
 * browser has. The box says which by its encapsulated key: 32 bytes for X25519, 65 for P-256.
 * The additional data binds a ciphertext to the item's visible fields, so they cannot be swapped.
 * The server opens with the same construction on node:crypto (`server/sealed/native-hpke.ts`).
 */
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64url, toBase64url } from './base64url';

let p256Suite: CipherSuite | null = null;
function suite(): CipherSuite {
  p256Suite ??= new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
  return p256Suite;
}

let x25519Suite: CipherSuite | null = null;
function x25519(): CipherSuite {
  x25519Suite ??= new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
  return x25519Suite;
}

/** A district public key as devices receive it. */
export interface DistrictPublicKey {
  /** Key id: which district key pair sealed an item (rotation keeps old ones for unsealing). */
  kid: string;
  /** The raw uncompressed P-256 point, base64url. */
  publicKey: string;
  /** The key pair's X25519 half (raw 32 bytes, base64url), sealed to where the browser has X25519. */
  x25519?: string;
}

/** What a sealed payload looks like on the wire and on the device. */
export interface SealedBox {
  kid: string;
  /** HPKE encapsulated key, base64url. */
  enc: string;
  /** Ciphertext with the AES-GCM tag, base64url. */
  ct: string;
}

/** A fresh district key pair: raw private scalar and raw public point, both base64url. */
export async function generateDistrictKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  const pair = await suite().kem.generateKeyPair();
  return {
    privateKey: toBase64url(await suite().kem.serializePrivateKey(pair.privateKey)),
    publicKey: toBase64url(await suite().kem.serializePublicKey(pair.publicKey)),
  };
}

const imported = new Map<string, Promise<CryptoKey>>();

/** Imports (once per key) a raw public key for `target`'s KEM; a key it cannot take stays refused. */
function importOnce(target: CipherSuite, raw64: string): Promise<CryptoKey> {
  let found = imported.get(raw64);
  if (!found) {
    const raw = fromBase64url(raw64);
    if (!raw) return Promise.reject(new Error('district public key is not base64url'));
    found = target.kem.deserializePublicKey(raw.slice().buffer);
    imported.set(raw64, found);
  }
  return found;
}

/** The suite and imported key a district key is sealed with here: X25519 where it can be, else P-256. */
async function recipientOf(key: DistrictPublicKey): Promise<{ target: CipherSuite; publicKey: CryptoKey }> {
  if (key.x25519) {
    try {
      return { target: x25519(), publicKey: await importOnce(x25519(), key.x25519) };
    } catch {
      // This browser has no X25519 (or the half is malformed): P-256 seals instead, and the server opens both.
    }
  }
  return { target: suite(), publicKey: await importOnce(suite(), key.publicKey) };
}

/** Seals `plaintext` (JSON text) to the district key, bound to `aad`. */
export async function sealText(key: DistrictPublicKey, plaintext: string, aad: string): Promise<SealedBox> {
  const { target, publicKey: recipientPublicKey } = await recipientOf(key);
  const encoder = new TextEncoder();
  const sealed = await target.seal(
    { recipientPublicKey },
    encoder.encode(plaintext).buffer as ArrayBuffer,
    encoder.encode(aad).buffer as ArrayBuffer,
  );
  return { kid: key.kid, enc: toBase64url(sealed.enc), ct: toBase64url(sealed.ct) };
}
