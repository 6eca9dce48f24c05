/**
 * Bearer tokens and enrolment codes: generated at random, stored only as SHA-256 hashes.
 */
import { createHash, randomBytes } from 'node:crypto';

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Lowercase RFC 4648 base32 without padding. */
function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** SHA-256 of a string, hex. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A fresh device bearer token: 256 random bits, base64url (43 characters). */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when a string has the shape of a device token (cheap check before hashing). */
export function looksLikeDeviceToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** A fresh enrolment code: 160 random bits, lowercase base32 (32 characters). */
export function newEnrolmentCode(): string {
  return base32(randomBytes(20));
}

/** The canonical form of a typed or scanned code: lowercase, without spaces or dashes. */
function normaliseEnrolmentCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** The hash under which an enrolment code is stored. */
export function hashEnrolmentCode(code: string): string {
  return sha256Hex(normaliseEnrolmentCode(code));
}
