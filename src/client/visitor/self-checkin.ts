/**
 * Self check-in at a checkpoint poster: verify the poster offline with the cached public key, then store
 * one check-in per household member (source 'self', with the poster as proof) in the shared outbox.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, Declaration, RiskFlags } from '../../shared/protocol';
import { parsePosterUrl, posterIsFresh, verifyPoster, type SignedPoster } from '../../shared/poster/poster-link';
import { getPosterKey, type Profile } from '../data';
import { refreshPublicKit } from './public-kit';

export type PosterCheck =
  | { ok: true; poster: SignedPoster }
  /**
   * not_poster: not a poster link; no_key: never online yet; forged: bad signature; expired: stale door-screen code.
   */
  | { ok: false; reason: 'not_poster' | 'no_key' | 'forged' | 'expired' };

/** Reads and verifies a poster link without the network (fetching the key first only when none is cached). */
export async function checkPoster(
  href: string,
  nowMs: number,
  baseUrl: string = location.origin,
): Promise<PosterCheck> {
  const poster = parsePosterUrl(href);
  if (!poster) return { ok: false, reason: 'not_poster' };
  let key = await getPosterKey();
  if (!key && (await refreshPublicKit(baseUrl))) key = await getPosterKey();
  if (!key) return { ok: false, reason: 'no_key' };
  if (!(await verifyPoster(poster, key))) return { ok: false, reason: 'forged' };
  if (!posterIsFresh(poster, nowMs)) return { ok: false, reason: 'expired' };
  return { ok: true, poster };
}

/** The proof a self check-in carries: the poster's claims without the checkpoint id (which the check-in has). */
function proofOf(poster: SignedPoster): NonNullable<CheckIn['proof']> {
  return { code: poster.code, name: poster.name, sig: poster.sig, ...(poster.t === undefined ? {} : { t: poster.t }) };
}

/** A household member checking in, with today's declaration when there is one. */
interface Arrival {
  profile: Profile;
  declaration: Declaration | null;
  /** Risk at the door: what the phone showed about the declaration. */
  risk?: RiskFlags;
}

/** Builds the check-ins of people arriving together (one group id when more than one). */
export function selfCheckIns(poster: SignedPoster, arrivals: Arrival[], nowMs: number): CheckIn[] {
  const groupId = arrivals.length > 1 ? uuidv7() : undefined;
  return arrivals.map(({ profile, declaration, risk }) => {
    const checkIn: CheckIn = {
      id: uuidv7(),
      checkpointId: poster.checkpointId,
      kind: 'in',
      source: 'self',
      deviceTime: nowMs,
      person: { ...profile.person, visitorId: profile.id },
      proof: proofOf(poster),
    };
    if (groupId) checkIn.groupId = groupId;
    if (declaration) checkIn.declaration = declaration;
    if (risk) checkIn.risk = risk;
    return checkIn;
  });
}

/** Builds the check-outs closing these check-ins (same checkpoint, same proof). */
export function selfCheckOuts(arrivals: CheckIn[], nowMs: number): CheckIn[] {
  return arrivals.map((arrival) => {
    const out: CheckIn = {
      id: uuidv7(),
      checkpointId: arrival.checkpointId,
      kind: 'out',
      ref: arrival.id,
      source: 'self',
      deviceTime: nowMs,
      person: arrival.person,
    };
    if (arrival.proof) out.proof = arrival.proof;
    if (arrival.groupId) out.groupId = arrival.groupId;
    return out;
  });
}
