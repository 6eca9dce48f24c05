/**
 * Scanned URLs: our checkpoint poster (`/c/<code>?s=…`), our guard enrolment link (`/enrol`), or any other web link.
 */
import type { ScanResult } from './types';

const MAX_CHECKPOINT_CODE = 64;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Classifies an http(s) URL by its path, whatever its host (posters may be printed with another host name); null if not
 * a URL.
 */
export function classifyUrl(text: string): Extract<ScanResult, { kind: 'poster' | 'enrol' | 'url' }> | null {
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href;
  const poster = /^\/c\/([^/]+)\/?$/i.exec(url.pathname);
  const signature = url.searchParams.get('s') ?? url.searchParams.get('S');
  if (poster && signature) {
    const code = decodeSegment(poster[1] ?? '').trim();
    if (code !== '' && code.length <= MAX_CHECKPOINT_CODE) return { kind: 'poster', checkpointCode: code, url: href };
  }
  if (/^\/enrol\/?$/i.test(url.pathname)) return { kind: 'enrol', url: href };
  return { kind: 'url', url: href };
}
