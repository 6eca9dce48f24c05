/**
 * Rules for check-ins pushed by visitor phones (self check-ins at a poster): only `source: 'self'`
 * items whose signed poster proof matches an existing, open checkpoint are accepted. A door-screen code
 * must be fresh both at the time the item claims and at the time the server received it (a backdated
 * item cannot reuse a code seen minutes earlier).
 */
import type { CheckIn } from '../../shared/protocol';
import type { Db } from '../db/database';
import { findCheckpointById } from '../db/checkpoints-repo';
import type { Checkpoint } from '../domain/types';
import type { PosterSigner } from './poster-signing';
import { posterIsFresh } from '../../shared/poster/poster-link';
import { ingestMessage } from './ingest-messages';

/** Finds why a visitor phone's check-in must be refused, or null when it is acceptable. */
type SelfCheckInJudge = (item: CheckIn, times: ItemTimes) => Promise<string | null>;

/** The two times an item is judged at: what it claims (corrected) and when the server received it. */
interface ItemTimes {
  correctedTime: number;
  receivedAt: number;
}

/** Builds the judge for one push: checkpoints are looked up once per push. */
export function selfCheckInJudge(db: Db, signer: PosterSigner): SelfCheckInJudge {
  const checkpoints = new Map<string, Promise<Checkpoint | undefined>>();
  const checkpoint = (id: string) => {
    let found = checkpoints.get(id);
    if (!found) checkpoints.set(id, (found = findCheckpointById(db, id)));
    return found;
  };
  return async (item, { correctedTime, receivedAt }) => {
    if (item.source !== 'self') return 'not_self_checkin: a visitor phone may only send its own poster check-ins';
    if (!item.proof) return 'missing_proof: a self check-in needs the signed poster it was made at';
    const { code, name, t, sig } = item.proof;
    const poster = { code, name, sig, checkpointId: item.checkpointId, ...(t === undefined ? {} : { t }) };
    if (!signer.verify(poster, correctedTime)) {
      return 'invalid_proof: the poster signature does not match (forged, altered or expired checkpoint code)';
    }
    if (!posterIsFresh(poster, receivedAt)) return ingestMessage('stale_door_code');
    const cp = await checkpoint(item.checkpointId);
    if (!cp) return 'unknown_checkpoint: this checkpoint does not exist on the server';
    if (cp.code !== code) return 'invalid_proof: the poster code does not belong to this checkpoint';
    if (cp.status !== 'open') return 'checkpoint_closed: this checkpoint is closed';
    return null;
  };
}
