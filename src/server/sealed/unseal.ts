/**
 * Opening protocol-2 items at ingest: a sealed item becomes the plain check-in it stands for, or a
 * refusal reason (unknown key, altered ciphertext or fields). Plain (protocol 1) items pass unchanged.
 */
import * as v from 'valibot';
import {
  SealedContentSchema,
  SealedItemSchema,
  describeIssues,
  sealedAad,
  type SealedItem,
} from '../../shared/protocol';
import type { DistrictKeyring } from './district-keys';

/** One pushed item after opening: the plain check-in to validate (and its clock epoch), or why it was refused. */
type OpenedItem =
  { ok: true; item: unknown; epoch: string | undefined; sealed: boolean } | { ok: false; reason: string };

/** True when an item is a sealed (protocol 2) one. */
function isSealed(item: unknown): boolean {
  return typeof item === 'object' && item !== null && 'sealed' in item;
}

/** A sealed item whose shape and key are right: what remains is to open it. */
interface ToOpen {
  visible: Omit<SealedItem, 'sealed' | 'v'>;
  sealed: SealedItem['sealed'];
}

/** Checks a sealed item's shape and key id; the reason when it cannot be opened at all. */
function prepare(keyring: DistrictKeyring | undefined, item: unknown): ToOpen | string {
  const parsed = v.safeParse(SealedItemSchema, item);
  if (!parsed.success) return `invalid_sealed_item: ${describeIssues(parsed.issues)}`;
  const { sealed, v: _version, ...visible } = parsed.output;
  if (!keyring || !keyring.kids.includes(sealed.kid)) {
    return `unseal_unknown_key: sealed to district key ${sealed.kid.slice(0, 64)}, which this server does not hold`;
  }
  return { visible, sealed };
}

/** Turns an opened box's text into the plain check-in it carried. */
function finish(open: ToOpen, plain: string | null): OpenedItem {
  if (plain === null)
    return {
      ok: false,
      reason: 'unseal_failed: the sealed data does not open with the district key (altered, or sealed to another key)',
    };
  let content: unknown;
  try {
    content = JSON.parse(plain);
  } catch {
    return { ok: false, reason: 'unseal_failed: the sealed data is not readable' };
  }
  const inner = v.safeParse(SealedContentSchema, content);
  if (!inner.success) return { ok: false, reason: `invalid_checkin: ${describeIssues(inner.issues)}` };
  const { epoch, ...fields } = open.visible;
  return { ok: true, item: { ...fields, ...inner.output }, epoch, sealed: true };
}

/** Opens one push's items with the district keys, in order (the boxes are opened together). */
export async function openItems(keyring: DistrictKeyring | undefined, items: unknown[]): Promise<OpenedItem[]> {
  const prepared = items.map((item) => (isSealed(item) ? prepare(keyring, item) : null));
  const toOpen = prepared.filter((p): p is ToOpen => typeof p === 'object' && p !== null);
  const texts =
    keyring && toOpen.length > 0
      ? await keyring.openMany(toOpen.map((p) => ({ box: p.sealed, aad: sealedAad(p.visible) })))
      : [];
  let next = 0;
  return prepared.map((p, index): OpenedItem => {
    if (p === null) return { ok: true, item: items[index], epoch: undefined, sealed: false };
    if (typeof p === 'string') return { ok: false, reason: p };
    return finish(p, texts[next++] ?? null);
  });
}
