/**
 * The primitives `@hpke/core`'s opening construction runs on, taken from `node:crypto` (synchronous)
 * instead of Node's WebCrypto (a thread-pool job per call): the DH of DHKEM(P-256) and DHKEM(X25519),
 * HKDF-SHA256 as HMAC, and AES-128-GCM, with the two KEMs assembled from them. Only what opening needs;
 * `native-hpke.ts` builds the suites and opens boxes.
 */
import {
  createCipheriv,
  createDecipheriv,
  createECDH,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  type ECDH,
  type KeyObject,
  type webcrypto,
} from 'node:crypto';
import {
  AeadId,
  DhkemP256HkdfSha256,
  DhkemX25519HkdfSha256,
  HkdfSha256,
  KemId,
  type AeadEncryptionContext,
  type AeadInterface,
} from '@hpke/core';

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

/** An X25519 key as the primitives below hold it. */
interface NodeX25519Key {
  type: 'public' | 'private';
  /** The raw public key (32 bytes; of a private key, its public half). */
  raw: Uint8Array;
  key: KeyObject;
}

/** One key pair, ready for opening. */
export interface RecipientPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

const asCryptoKey = (key: NodeP256Key | NodeX25519Key) => key as unknown as CryptoKey;
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

const asX25519 = (key: CryptoKey) => key as unknown as NodeX25519Key;

/** Reads a raw X25519 key (public `x`, or private `d` with its public `x`) into a KeyObject. */
function x25519KeyObject(x: Uint8Array, d?: Uint8Array): KeyObject {
  const jwk = { kty: 'OKP', crv: 'X25519', x: Buffer.from(x).toString('base64url') };
  if (!d) return createPublicKey({ key: jwk, format: 'jwk' });
  return createPrivateKey({ key: { ...jwk, d: Buffer.from(d).toString('base64url') }, format: 'jwk' });
}

/** The DH primitives of DHKEM(X25519) on `node:crypto`: only what opening needs. */
class NodeX25519Primitives extends NodeP256Primitives {
  override async serializePublicKey(key: CryptoKey): Promise<ArrayBuffer> {
    return ownBuffer(asX25519(key).raw);
  }
  override async deserializePublicKey(key: ArrayBufferLike | ArrayBufferView): Promise<CryptoKey> {
    const raw = bytesOf(key).slice();
    if (raw.length !== 32) throw new Error('not an X25519 public key');
    return asCryptoKey({ type: 'public', raw, key: x25519KeyObject(raw) });
  }
  override async dh(sk: CryptoKey, pk: CryptoKey): Promise<ArrayBuffer> {
    const secret = diffieHellman({ privateKey: asX25519(sk).key, publicKey: asX25519(pk).key });
    // RFC 9180 §7.1.4: an all-zero X25519 result (a small-order point) is refused.
    if (secret.every((byte) => byte === 0)) throw new Error('X25519 shared secret is zero');
    return ownBuffer(secret);
  }
  override async derivePublicKey(key: CryptoKey): Promise<CryptoKey> {
    // Opening only serializes the recipient's public key (the KEM context): its raw bytes are enough.
    const { raw, key: object } = asX25519(key);
    return asCryptoKey({ type: 'public', raw, key: object });
  }
}

/** HKDF-SHA256 (RFC 5869) on `node:crypto` HMAC; labels and suite ids stay @hpke/core's. */
export class NodeHkdfSha256 extends HkdfSha256 {
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
export class NodeAes128Gcm implements AeadInterface {
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
export class NodeDhkemP256HkdfSha256 extends DhkemP256HkdfSha256 {
  constructor() {
    super();
    const kdf = new NodeHkdfSha256();
    // The KEM's KDF is labelled with the KEM's suite id, as the parent constructor did for its own.
    kdf.init(new Uint8Array([0x4b, 0x45, 0x4d, 0x00, KemId.DhkemP256HkdfSha256]));
    this._kdf = kdf;
    this._prim = new NodeP256Primitives() as unknown as typeof this._prim;
  }
}

/** DHKEM(X25519, HKDF-SHA256) of @hpke/core with the primitives above. */
export class NodeDhkemX25519HkdfSha256 extends DhkemX25519HkdfSha256 {
  constructor() {
    super();
    const kdf = new NodeHkdfSha256();
    kdf.init(new Uint8Array([0x4b, 0x45, 0x4d, 0x00, KemId.DhkemX25519HkdfSha256]));
    this._kdf = kdf;
    this._prim = new NodeX25519Primitives() as unknown as typeof this._prim;
  }
}

/** The P-256 pair of a raw private scalar. */
export function p256Pair(scalar: Uint8Array): RecipientPair {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(scalar);
  return {
    privateKey: asCryptoKey({ type: 'private', raw: new Uint8Array(0), ecdh }),
    publicKey: asCryptoKey({ type: 'public', raw: new Uint8Array(ecdh.getPublicKey()) }),
  };
}

/** The X25519 pair of a raw private key `d` and its raw public key `x`. */
export function x25519Pair(d: Uint8Array, x: Uint8Array): RecipientPair {
  return {
    privateKey: asCryptoKey({ type: 'private', raw: x, key: x25519KeyObject(x, d) }),
    publicKey: asCryptoKey({ type: 'public', raw: x, key: x25519KeyObject(x) }),
  };
}
