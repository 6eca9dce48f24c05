import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  parsePosterUrl,
  posterIsFresh,
  posterMessage,
  posterUrl,
  toBase64Url,
  verifyPoster,
  type PosterClaims,
} from '../../../src/shared/poster/poster-link';
import { classifyScan } from '../../../src/shared/scan/classify';

const keys = generateKeyPairSync('ed25519');
const publicKey = keys.publicKey.export({ format: 'jwk' }).x as string;
const signed = (claims: PosterClaims) => ({
  ...claims,
  sig: toBase64Url(sign(null, posterMessage(claims), keys.privateKey)),
});
const claims: PosterClaims = {
  code: 'TS-DL-001',
  checkpointId: '0193a1b2-0000-7000-8000-000000000001',
  name: 'UBND xã Dân Lực',
};

describe('poster links', () => {
  it('round-trips through the URL and verifies with the public key', async () => {
    const url = posterUrl('https://trieuson.example.vn', signed(claims));
    expect(url.startsWith('https://trieuson.example.vn/c/TS-DL-001?')).toBe(true);
    const parsed = parsePosterUrl(url);
    expect(parsed).toMatchObject(claims);
    expect(await verifyPoster(parsed!, publicKey)).toBe(true);
    expect(classifyScan(url)).toMatchObject({ kind: 'poster', checkpointCode: 'TS-DL-001' });
  });

  it('refuses an altered or forged poster', async () => {
    const url = posterUrl('https://x.vn', signed(claims));
    const renamed = parsePosterUrl(url.replace('n=UBND', 'n=Cho'))!;
    expect(await verifyPoster(renamed, publicKey)).toBe(false);
    const otherCode = parsePosterUrl(url.replace('/c/TS-DL-001', '/c/TS-DL-002'))!;
    expect(await verifyPoster(otherCode, publicKey)).toBe(false);
    const otherKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x as string;
    expect(await verifyPoster(parsePosterUrl(url)!, otherKey)).toBe(false);
  });

  it('never throws on junk and rejects malformed links', () => {
    for (const junk of [
      '',
      'https://x.vn/c/',
      'https://x.vn/c/A?s=short',
      '%%%',
      'https://x.vn/c/A?i=1&n=x&s=' + 'a'.repeat(86) + '&t=abc',
    ]) {
      expect(parsePosterUrl(junk)).toBeNull();
    }
  });

  it('expires door-screen codes after a few minutes', () => {
    const now = Date.UTC(2026, 10, 28, 8, 0, 0);
    const minute = Math.floor(now / 60_000);
    expect(posterIsFresh({ ...claims, t: minute - 1 }, now)).toBe(true);
    expect(posterIsFresh({ ...claims, t: minute - 10 }, now)).toBe(false);
    expect(posterIsFresh(claims, now)).toBe(true);
  });
});
