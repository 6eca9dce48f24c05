/**
 * Opening sealed items on Node's synchronous crypto. The HPKE construction (DHKEM, key schedule, labels,
 * nonces) stays `@hpke/core`'s; only its three primitives (P-256 ECDH, HMAC-SHA256 for HKDF,
 * AES-128-GCM) are taken from `node:crypto` instead of WebCrypto. In Node every WebCrypto call is a
 * thread-pool job, and one open makes about eighteen of them (1.1 ms); these take about 0.15 ms.
 * Browsers keep sealing with the WebCrypto suite of `shared/sealed/hpke.ts`; the two are tested together.
 */
import { createCipheriv, createDecipheriv, createECDH, createHmac, type ECDH, type webcrypto } from 'node:crypto';
import {
  AeadId,
  CipherSuite,
  DhkemP256HkdfSha256,
  HkdfSha256,
  KemId,
  type AeadEncryptionContext,
  type AeadInterface,
} from '@hpke/core';
import { fromBase64url } from '../../shared/sealed/base64url';
import type { SealedBox } from '../../shared/sealed/hpke';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** A P-256 key as the primitives below hold it (stands where @hpke/core expects a CryptoKey). */
interface NodeP256Key {
  type: 'public' | 'private';
  /** Uncompressed point (public keys). */
  raw: Uint8Array;
  /** The key agreement object (private keys). */
  ecdh?: ECDH;
}

/** The district private key and its public half, ready for opening. */
export interface NativeRecipientKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

const asCryptoKey = (key: NodeP256Key) => key as unknown as CryptoKey;
const asNodeKey = (key: CryptoKey) => key as unknown as NodeP256Key;

/** Copies bytes into an ArrayBuffer of their own, as @hpke/core's interfaces return them. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Reads any buffer @hpke/core hands over as bytes (no copy). */
function bytesOf(input: ArrayBufferLike | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
}

const NOT_ON_SERVER = 'not used for opening: district keys are made by the WebCrypto suite';

/** The DH primitives of DHKEM(P-256) on `node:crypto`: only what opening needs. */
class NodeP256Primitives {
  async serializePublicKey(key: CryptoKey): Promise<ArrayBuffer> {
    return ownBuffer(asNodeKey(key).raw);
  }
  async deserializePublicKey(key: ArrayBufferLike | ArrayBufferView): Promise<CryptoKey> {
    const raw = bytesOf(key).slice();
    if (raw.length !== 65 || raw[0] !== 4) throw new Error('not an uncompressed P-256 point');
    return asCryptoKey({ type: 'public', raw });
  }
  async dh(sk: CryptoKey, pk: CryptoKey): Promise<ArrayBuffer> {
    const ecdh = asNodeKey(sk).ecdh;
    if (!ecdh) throw new Error('not a private key');
    // computeSecret checks that the point is on the curve, and returns the x-coordinate (RFC 9180 §4.1).
    return ownBuffer(ecdh.computeSecret(asNodeKey(pk).raw));
  }
  async derivePublicKey(key: CryptoKey): Promise<CryptoKey> {
    const ecdh = asNodeKey(key).ecdh;
    if (!ecdh) throw new Error('not a private key');
    return asCryptoKey({ type: 'public', raw: new Uint8Array(ecdh.getPublicKey()) });
  }
  async serializePrivateKey(): Promise<ArrayBuffer> {
    throw new Error(NOT_ON_SERVER);
  }
  async deserializePrivateKey(): Promise<CryptoKey> {
    throw new Error(NOT_ON_SERVER);
  }
  async importKey(): Promise<CryptoKey> {
    throw new Error(NOT_ON_SERVER);
  }
  async generateKeyPair(): Promise<CryptoKeyPair> {
    throw new Error(NOT_ON_SERVER);
  }
  async deriveKeyPair(): Promise<CryptoKeyPair> {
    throw new Error(NOT_ON_SERVER);
  }
}

/** HKDF-SHA256 (RFC 5869) on `node:crypto` HMAC; labels and suite ids stay @hpke/core's. */
class NodeHkdfSha256 extends HkdfSha256 {
  override async extract(salt: ArrayBufferLike | ArrayBufferView, ikm: ArrayBufferLike | ArrayBufferView) {
    const key = salt.byteLength === 0 ? new Uint8Array(this.hashSize) : bytesOf(salt);
    return ownBuffer(createHmac('sha256', key).update(bytesOf(ikm)).digest());
  }
  override async expand(prk: ArrayBufferLike | ArrayBufferView, info: ArrayBufferLike | ArrayBufferView, len: number) {
    if (len > 255 * this.hashSize) throw new Error('Entropy limit reached');
    const out = new Uint8Array(len);
    let block: Uint8Array = new Uint8Array(0);
    for (let i = 1, at = 0; at < len; i++) {
      block = createHmac('sha256', bytesOf(prk)).update(block).update(bytesOf(info)).update(Uint8Array.of(i)).digest();
      out.set(block.subarray(0, len - at), at);
      at += block.length;
    }
    return out.buffer;
  }
  override async extractAndExpand(
    salt: ArrayBufferLike | ArrayBufferView,
    ikm: ArrayBufferLike | ArrayBufferView,
    info: ArrayBufferLike | ArrayBufferView,
    len: number,
  ) {
    return this.expand(await this.extract(salt, ikm), info, len);
  }
}

/** AES-128-GCM on `node:crypto`. */
class NodeAes128Gcm implements AeadInterface {
  readonly id = AeadId.Aes128Gcm;
  readonly keySize = 16;
  readonly nonceSize = 12;
  readonly tagSize = 16;
  createEncryptionContext(key: ArrayBuffer): AeadEncryptionContext {
    const secret = new Uint8Array(key).slice();
    return {
      async seal(iv, data, aad) {
        const cipher = createCipheriv('aes-128-gcm', secret, bytesOf(iv));
        cipher.setAAD(bytesOf(aad));
        return ownBuffer(Buffer.concat([cipher.update(bytesOf(data)), cipher.final(), cipher.getAuthTag()]));
      },
      async open(iv, data, aad) {
        const sealed = bytesOf(data);
        if (sealed.length < 16) throw new Error('ciphertext shorter than its tag');
        const decipher = createDecipheriv('aes-128-gcm', secret, bytesOf(iv));
        decipher.setAAD(bytesOf(aad));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        return ownBuffer(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]));
      },
    };
  }
}

/** DHKEM(P-256, HKDF-SHA256) of @hpke/core with the primitives above. */
class NodeDhkemP256HkdfSha256 extends DhkemP256HkdfSha256 {
  constructor() {
    super();
    const kdf = new NodeHkdfSha256();
    // The KEM's KDF is labelled with the KEM's suite id, as the parent constructor did for its own.
    kdf.init(new Uint8Array([0x4b, 0x45, 0x4d, 0x00, KemId.DhkemP256HkdfSha256]));
    this._kdf = kdf;
    this._prim = new NodeP256Primitives() as unknown as typeof this._prim;
  }
}

let suiteInstance: CipherSuite | null = null;
function suite(): CipherSuite {
  suiteInstance ??= new CipherSuite({
    kem: new NodeDhkemP256HkdfSha256(),
    kdf: new NodeHkdfSha256(),
    aead: new NodeAes128Gcm(),
  });
  return suiteInstance;
}

/** Imports a raw district private key (base64url, as in the key file) for opening. */
export function importNativeRecipientKey(privateKey: string): NativeRecipientKey {
  const raw = fromBase64url(privateKey);
  if (!raw || raw.length !== 32) throw new Error('district private key is not a base64url P-256 scalar');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(raw);
  return {
    privateKey: asCryptoKey({ type: 'private', raw: new Uint8Array(0), ecdh }),
    publicKey: asCryptoKey({ type: 'public', raw: new Uint8Array(ecdh.getPublicKey()) }),
  };
}

/** Opens a sealed box; null when it cannot be opened (wrong key, altered, not base64url). */
export async function openTextNative(key: NativeRecipientKey, box: SealedBox, aad: string): Promise<string | null> {
  const enc = fromBase64url(box.enc);
  const ct = fromBase64url(box.ct);
  if (!enc || !ct) return null;
  try {
    const plain = await suite().open(
      { recipientKey: key as CryptoKeyPair, enc: enc.buffer },
      ct.buffer,
      new TextEncoder().encode(aad).buffer,
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}

/** Opens boxes with whichever of `keys` (key-file fields) their kid names; null for an unknown kid. */
export function openerFor(
  keys: readonly { kid: string; privateKey: string }[],
): (box: SealedBox, aad: string) => Promise<string | null> {
  const recipients = new Map(keys.map((key) => [key.kid, importNativeRecipientKey(key.privateKey)]));
  return (box, aad) => {
    const key = recipients.get(box.kid);
    return key ? openTextNative(key, box, aad) : Promise.resolve(null);
  };
}
