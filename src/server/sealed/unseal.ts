/**
 * Opening protocol-2 items at ingest: a sealed item becomes the plain check-in it stands for, or a
 * refusal reason (unknown key, altered ciphertext or fields). Plain (protocol 1) items pass unchanged.
 */
import * as v from 'valibot';
import { SealedContentSchema, SealedItemSchema, describeIssues, sealedAad } from '../../shared/protocol';
import type { DistrictKeyring } from './district-keys';

/** One pushed item after opening: the plain check-in to validate (and its clock epoch), or why it was refused. */
export type OpenedItem =
  { ok: true; item: unknown; epoch: string | undefined; sealed: boolean } | { ok: false; reason: string };

/** True when an item is a sealed (protocol 2) one. */
function isSealed(item: unknown): boolean {
  return typeof item === 'object' && item !== null && 'sealed' in item;
}

/** Opens one pushed item with the district keys. */
export async function openItem(keyring: DistrictKeyring | undefined, item: unknown): Promise<OpenedItem> {
  if (!isSealed(item)) return { ok: true, item, epoch: undefined, sealed: false };
  const parsed = v.safeParse(SealedItemSchema, item);
  if (!parsed.success) return { ok: false, reason: `invalid_sealed_item: ${describeIssues(parsed.issues)}` };
  const { sealed, v: _version, ...visible } = parsed.output;
  if (!keyring || !keyring.kids.includes(sealed.kid)) {
    return {
      ok: false,
      reason: `unseal_unknown_key: sealed to district key ${sealed.kid.slice(0, 64)}, which this server does not hold`,
    };
  }
  const plain = await keyring.open(sealed, sealedAad(visible));
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
  const { epoch, ...fields } = visible;
  return { ok: true, item: { ...fields, ...inner.output }, epoch, sealed: true };
}
