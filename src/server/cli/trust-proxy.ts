/**
 * `TRUST_PROXY`, parsed strictly: a hop count (`1` = the one reverse proxy in front) or a
 * comma-separated list of proxy addresses/CIDRs. `true` ("trust every X-Forwarded-For") is refused:
 * if the app is reachable without the proxy, anyone could then choose the address the login limit
 * keys on. Unset, empty or `false`: direct connections only.
 */
import { isIP } from 'node:net';

/** A usable trustProxy value, or an error sentence. */
type TrustProxySetting = { ok: true; value: number | string[] | undefined } | { ok: false; message: string };

/** Parses TRUST_PROXY. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false') return { ok: true, value: undefined };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return { ok: true, value: hops };
    return { ok: false, message: 'TRUST_PROXY: a hop count must be 1–10' };
  }
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  const valid = (e: string) => {
    const [address, bits, extra] = e.split('/');
    if (extra !== undefined || !address || isIP(address) === 0) return false;
    if (bits === undefined) return true;
    const max = isIP(address) === 4 ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max;
  };
  if (entries.length > 0 && entries.every(valid)) return { ok: true, value: entries };
  return {
    ok: false,
    message: `TRUST_PROXY must be a hop count (e.g. 1) or the proxy's addresses/CIDRs, comma-separated; "${text.slice(0, 40)}" is neither (true is not accepted: see docs/security.md)`,
  };
}
