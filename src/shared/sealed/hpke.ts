/**
 * Sealing check-ins to the district's public key: HPKE (RFC 9180) base mode through `@hpke/core` on
 * WebCrypto, suite DHKEM(P-256, HKDF-SHA256) + HKDF-SHA256 + AES-128-GCM (every browser has it).
 * The additional data binds a ciphertext to the item's visible fields, so they cannot be swapped.
 * The server opens with the same construction on node:crypto (`server/sealed/native-hpke.ts`).
 */
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64url, toBase64url } from './base64url';

let suiteInstance: CipherSuite | null = null;
function suite(): CipherSuite {
  suiteInstance ??= new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
  return suiteInstance;
}

/** A district public key as devices receive it. */
export interface DistrictPublicKey {
  /** Key id: which district key pair sealed an item (rotation keeps old ones for unsealing). */
  kid: string;
  /** The raw uncompressed P-256 point, base64url. */
  publicKey: string;
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

/** Imports (once per key) a district public key for sealing. */
function publicKeyOf(key: DistrictPublicKey): Promise<CryptoKey> {
  let found = imported.get(key.publicKey);
  if (!found) {
    const raw = fromBase64url(key.publicKey);
    if (!raw) return Promise.reject(new Error('district public key is not base64url'));
    found = suite().kem.deserializePublicKey(raw.slice().buffer);
    imported.set(key.publicKey, found);
  }
  return found;
}

/** Seals `plaintext` (JSON text) to the district key, bound to `aad`. */
export async function sealText(key: DistrictPublicKey, plaintext: string, aad: string): Promise<SealedBox> {
  const recipientPublicKey = await publicKeyOf(key);
  const encoder = new TextEncoder();
  const sealed = await suite().seal(
    { recipientPublicKey },
    encoder.encode(plaintext).buffer as ArrayBuffer,
    encoder.encode(aad).buffer as ArrayBuffer,
  );
  return { kid: key.kid, enc: toBase64url(sealed.enc), ct: toBase64url(sealed.ct) };
}
