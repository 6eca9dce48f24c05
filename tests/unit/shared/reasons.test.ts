/**
 * Every reason code the server's source can send has a Vietnamese and an English sentence in
 * src/shared/reasons.ts: the codes are read from the server's code itself, so a new `sendError(…, 'x', …)`
 * or `reason: 'x: …'` without a dictionary line fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASONS, reasonCode, reasonText } from '../../../src/shared/reasons';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The codes the server can send, found the way a reviewer would grep for them. */
function serverCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /sendError\(\s*reply,\s*[\w.]+,\s*'([a-z_]+)'/g, // error bodies
    /\berror:\s*'([a-z_]+)'/g, // codes chosen in services and the error table
    /errorBody\('([a-z_]+)'/g, // bodies built directly
    /['`]([a-z]+(?:_[a-z]+)+): [^'`]*['`]/g, // item reasons "code: detail"
    /^\s*([a-z]+(?:_[a-z]+)+): \{ status: \d+/gm, // status tables keyed by code (enrolment)
    /ingestMessage\(\s*'([a-z_]+)'/g, // ingest refusals "code: text" built from the server dictionary
    /['`]reason\.([a-z]+(?:_[a-z]+)+)['`]/g, // every reason line of the server dictionaries (claimed time, revoked grace, door code…)
    /new \w*Error\(\s*\d{3},\s*'([a-z_]+)'/g, // service errors carrying status and code (outbreak)
    /refuse\(\s*request,\s*reply,\s*\d{3},\s*'([a-z_]+)'/g, // the console guard's refusals
    /^\s*([a-z]+(?:_[a-z]+)+): [`'][A-Z]/gm, // message tables keyed by code (request shape)
  ];
  for (const file of sourceFiles('src/server')) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.set(m[1]!, file);
  }
  // Client-side sync codes that also appear as error values inside the server (not sent as bodies).
  for (const local of ['offline', 'server_error']) found.delete(local);
  return found;
}

describe('reason dictionary', () => {
  it('has a Vietnamese and an English sentence for every code the server can send', () => {
    const codes = serverCodes();
    expect(codes.size).toBeGreaterThan(40);
    // The codes of later work are found too (so a pattern that stops matching fails here, not silently).
    for (const code of [
      'claimed_in_future',
      'claimed_too_old',
      'self_claimed_too_old',
      'device_revoked_grace_over',
      'device_revoked_limit',
      'stale_door_code',
      'too_many_items',
      'other_commune',
      'already_case',
      'too_deep',
    ])
      expect(codes.has(code), code).toBe(true);
    const missing = [...codes].filter(([code]) => !(code in REASONS)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
    for (const [code, text] of Object.entries(REASONS)) {
      expect(text.vi.length, code).toBeGreaterThan(10);
      expect(text.en.length, code).toBeGreaterThan(10);
      expect(text.vi, code).not.toBe(text.en);
      // Vietnamese text has Vietnamese letters; the English one has none.
      expect(text.vi, code).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
    }
  });

  it('turns an item reason "code: detail" into the sentence, and keeps unknown text', () => {
    expect(reasonCode('device_revoked: recorded after this device was revoked')).toBe('device_revoked');
    expect(reasonText('device_revoked: recorded after this device was revoked', 'vi')).toContain('thu hồi');
    expect(reasonText('code_used', 'en')).toContain('already used');
    expect(reasonText('strange thing happened', 'en')).toBe('strange thing happened');
    expect(reasonText('strange thing happened', 'vi')).toBe('Máy chủ từ chối (strange thing happened).');
  });
});
