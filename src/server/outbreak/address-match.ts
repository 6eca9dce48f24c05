/**
 * Which commune a contact lives in: the commune whose name appears in the address (folded, without
 * diacritics; "Xã Dân Lực" matches "thon 3, xa dan luc"), else the fallback the caller gives.
 */
import { foldVietnamese } from '../../shared/text/fold';

interface NamedUnit {
  id: string;
  name: string;
  level: string;
}

const PREFIX = /^(xa|thi tran|phuong) /;

function words(s: string): string {
  return ` ${foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The commune named in an address, or null; the longest matching name wins (so "Dân Lý" never takes "Dân Lực"). */
export function communeOfAddress(address: string | null, units: readonly NamedUnit[]): string | null {
  if (!address) return null;
  const a = words(address);
  let best: { id: string; score: number } | null = null;
  for (const u of units) {
    if (u.level !== 'commune') continue;
    const full = words(u.name);
    const core = ` ${full.trim().replace(PREFIX, '')} `;
    const score = a.includes(full) ? full.length + 100 : core.trim().length >= 3 && a.includes(core) ? core.length : 0;
    if (score > 0 && (!best || score > best.score)) best = { id: u.id, score };
  }
  return best?.id ?? null;
}
