import { describe, expect, it } from 'vitest';
import { generateDistrictKeyPair, sealText } from '../../../src/shared/sealed/hpke';
import { fromBase64url, toBase64url } from '../../../src/shared/sealed/base64url';
import { importNativeRecipientKey, openTextNative } from '../../../src/server/sealed/native-hpke';
import { x25519HalfOf } from '../../../src/server/sealed/x25519-half';

/** Flips one bit of a base64url value. */
function flip(value: string, at: number): string {
  const bytes = fromBase64url(value)!;
  bytes[at]! ^= 1;
  return toBase64url(bytes);
}

describe('opening on node:crypto what browsers seal with WebCrypto', () => {
  it('opens every text sealed by the WebCrypto suite, whatever its length', async () => {
    const pair = await generateDistrictKeyPair();
    const key = importNativeRecipientKey(pair.privateKey);
    const district = { kid: 'k1', publicKey: pair.publicKey };
    const texts = ['', 'a', 'Nguyễn Thị Ánh Tuyết — Thôn 4, xã Dân Lực', JSON.stringify({ a: 'x'.repeat(5000) })];
    for (const text of texts) {
      const box = await sealText(district, text, `aad:${text.length}`);
      expect(await openTextNative(key, box, `aad:${text.length}`)).toBe(text);
    }
  });

  it('refuses another key, another aad, a changed ciphertext or encapsulated key, and non-points', async () => {
    const pair = await generateDistrictKeyPair();
    const other = await generateDistrictKeyPair();
    const key = importNativeRecipientKey(pair.privateKey);
    const box = await sealText({ kid: 'k1', publicKey: pair.publicKey }, '{"person":{"name":"An"}}', 'aad');
    expect(await openTextNative(key, box, 'aad')).toBe('{"person":{"name":"An"}}');
    expect(await openTextNative(importNativeRecipientKey(other.privateKey), box, 'aad')).toBeNull();
    expect(await openTextNative(key, box, 'aad2')).toBeNull();
    expect(await openTextNative(key, { ...box, ct: flip(box.ct, 3) }, 'aad')).toBeNull();
    expect(
      await openTextNative(key, { ...box, ct: flip(box.ct, fromBase64url(box.ct)!.length - 1) }, 'aad'),
    ).toBeNull();
    expect(await openTextNative(key, { ...box, enc: flip(box.enc, 10) }, 'aad')).toBeNull();
    expect(await openTextNative(key, { ...box, enc: toBase64url(new Uint8Array(65).fill(4)) }, 'aad')).toBeNull();
    expect(await openTextNative(key, { ...box, enc: box.enc.slice(0, 20) }, 'aad')).toBeNull();
    expect(await openTextNative(key, { ...box, ct: box.ct.slice(0, 10) }, 'aad')).toBeNull();
    expect(await openTextNative(key, { ...box, ct: '***' }, 'aad')).toBeNull();
  });

  it('refuses a key file that holds no P-256 scalar', () => {
    expect(() => importNativeRecipientKey('not base64!')).toThrow();
    expect(() => importNativeRecipientKey(toBase64url(new Uint8Array(16)))).toThrow();
  });
});

describe('the X25519 half of a district key', () => {
  it('is what browsers with X25519 seal to, derived from the key file alone, and opens on node:crypto', async () => {
    const pair = await generateDistrictKeyPair();
    const half = await x25519HalfOf(pair.privateKey);
    // Derived, not stored: the same key file gives the same half on every start.
    expect(await x25519HalfOf(pair.privateKey)).toEqual(half);
    const key = importNativeRecipientKey(pair.privateKey, half);
    const district = { kid: 'k1', publicKey: pair.publicKey, x25519: half.publicKey };
    for (const text of ['', 'Nguyễn Thị Ánh Tuyết — Thôn 4, xã Dân Lực', JSON.stringify({ a: 'x'.repeat(5000) })]) {
      const box = await sealText(district, text, 'aad');
      expect(fromBase64url(box.enc)!.length).toBe(32);
      expect(await openTextNative(key, box, 'aad')).toBe(text);
    }
  });

  it('refuses another key, another aad, changed bytes, a small-order point, and a key without the half', async () => {
    const pair = await generateDistrictKeyPair();
    const half = await x25519HalfOf(pair.privateKey);
    const other = await generateDistrictKeyPair();
    const key = importNativeRecipientKey(pair.privateKey, half);
    const box = await sealText({ kid: 'k1', publicKey: pair.publicKey, x25519: half.publicKey }, '{"a":1}', 'aad');
    expect(await openTextNative(key, box, 'aad')).toBe('{"a":1}');
    const otherKey = importNativeRecipientKey(other.privateKey, await x25519HalfOf(other.privateKey));
    expect(await openTextNative(otherKey, box, 'aad')).toBeNull();
    expect(await openTextNative(importNativeRecipientKey(pair.privateKey), box, 'aad')).toBeNull();
    expect(await openTextNative(key, box, 'aad2')).toBeNull();
    expect(await openTextNative(key, { ...box, ct: flip(box.ct, 2) }, 'aad')).toBeNull();
    expect(await openTextNative(key, { ...box, enc: flip(box.enc, 5) }, 'aad')).toBeNull();
    // The all-zero point gives an all-zero shared secret (RFC 9180 §7.1.4).
    expect(await openTextNative(key, { ...box, enc: toBase64url(new Uint8Array(32)) }, 'aad')).toBeNull();
  });

  it('is passed by where it cannot be used: the box is sealed with P-256 and still opens', async () => {
    const pair = await generateDistrictKeyPair();
    const key = importNativeRecipientKey(pair.privateKey, await x25519HalfOf(pair.privateKey));
    const box = await sealText({ kid: 'k1', publicKey: pair.publicKey, x25519: 'not-a-key' }, 'An', 'aad');
    expect(fromBase64url(box.enc)!.length).toBe(65);
    expect(await openTextNative(key, box, 'aad')).toBe('An');
  });
});
