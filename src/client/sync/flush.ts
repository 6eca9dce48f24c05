/**
 * The sync engine: sends the outbox to the server in batches until it is empty or the network fails.
 * Read a batch in one IndexedDB transaction, fetch outside any transaction, apply the answers in another;
 * two pushes are on the wire at once.
 */
import { PROTOCOL_VERSION, type PushRequest, type WireItem } from '../../shared/protocol';
import {
  applyPushResults,
  getPushToken,
  markDeviceRevoked,
  readPendingBatch,
  recordSyncFailure,
  recordSyncSuccess,
  type SyncErrorCode,
} from '../data';
import { getEpochState, hasEpochAnchor, currentEpoch, recordEpochOffset } from '../data/clock-epochs';
import { FLUSH_LOCK, runExclusive } from './lock';
import { pushBatch } from '../../shared/sync/push';
import { deviceSigner } from './signer';

export interface FlushOptions {
  /** Origin of the district server (the app's own origin in production). */
  baseUrl: string;
  appVersion: string;
  batchSize?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /**
   * Gets a token when the device has none (a visitor phone registers before its first self check-in):
   * the token, a failure to back off on, or null when there is nothing to do.
   */
  ensureCredentials?: () => Promise<string | { error: SyncErrorCode; retryAfterMs: number | null } | null>;
}

export interface FlushResult {
  outcome: 'done' | 'busy' | 'not_enrolled' | 'failed';
  /** Items acknowledged (accepted or duplicate) during this flush. */
  cleared: number;
  rejected: number;
  error?: SyncErrorCode;
  /** What the server asked us to wait before retrying, when it said so. */
  retryAfterMs?: number | null;
  /** The district's questionnaire version, as the last answer of this flush gave it. */
  questionnaireVersion?: number;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_TIMEOUT_MS = 20_000;
/** Pushes on the wire at once (see the flush loop). */
const PUSHES_IN_FLIGHT = 2;

/** Flushes the outbox unless another tab or the worker is already doing it. */
export async function flushOutbox(opts: FlushOptions): Promise<FlushResult> {
  const result = await runExclusive(FLUSH_LOCK, () => flushHoldingLock(opts));
  return result === 'busy' ? { outcome: 'busy', cleared: 0, rejected: 0 } : result;
}

async function flushHoldingLock(opts: FlushOptions): Promise<FlushResult> {
  const now = opts.now ?? Date.now;
  let token = await getPushToken();
  if (!token && opts.ensureCredentials) {
    const got = await opts.ensureCredentials();
    if (got !== null && typeof got === 'object') {
      await recordSyncFailure(now(), got.error);
      return { outcome: 'failed', cleared: 0, rejected: 0, error: got.error, retryAfterMs: got.retryAfterMs };
    }
    token = got;
  }
  if (!token) return { outcome: 'not_enrolled', cleared: 0, rejected: 0 };
  const sign = await deviceSigner(opts.baseUrl, now, opts.fetchImpl);
  if (sign !== null && typeof sign !== 'function') {
    await recordSyncFailure(now(), sign.error);
    const retryAfterMs = sign.type === 'retry' ? sign.retryAfterMs : null;
    return { outcome: 'failed', cleared: 0, rejected: 0, error: sign.error, retryAfterMs };
  }
  // Clock epochs: the context that watches the clock names its epoch; another (the worker) names none,
  // so items of every epoch are corrected by their own epoch's offset, or flagged uncertain.
  const epoch = hasEpochAnchor() ? await currentEpoch() : undefined;
  const epochs = (await getEpochState())?.offsets ?? {};
  let cleared = 0;
  let rejected = 0;
  let questionnaireVersion: number | undefined;
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const send = (batch: { items: WireItem[]; pending: number }) => {
    const body: PushRequest = {
      protocol: PROTOCOL_VERSION,
      sentAt: now(),
      appVersion: opts.appVersion,
      pending: batch.pending,
      items: batch.items,
      epoch,
      epochs,
    };
    return pushBatch({
      baseUrl: opts.baseUrl,
      token,
      body,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetchImpl: opts.fetchImpl,
      ...(sign ? { sign } : {}),
    });
  };
  type Batch = { items: WireItem[]; pending: number };
  // Two pushes travel at once: the server opens one push's sealed items on its threads while it stores
  // the other's, and neither side waits for a round trip. The answers are applied in order; the server
  // is idempotent per id, and the lock is held until every push in flight has settled.
  const flights: { batch: Batch; answer: ReturnType<typeof send> }[] = [];
  const settleAll = () => Promise.all(flights.map((f) => f.answer));
  /** Reads the batch after the last one in flight (or the oldest) and sends it; false when there is none. */
  const sendNext = async (): Promise<boolean> => {
    const last = flights[flights.length - 1];
    const batch = last ? await readPendingBatch(size, lastId(last.batch)) : await readPendingBatch(size);
    if (batch.items.length === 0) return false;
    flights.push({ batch, answer: send(batch) });
    return true;
  };
  /**
   * Tops the pushes in flight up to PUSHES_IN_FLIGHT. With none left it reads from the oldest again
   * (items the server left unanswered, or saved with a smaller id meanwhile: a clock set back). A read
   * that fails while a push is out just means reading again after its answer.
   */
  const topUp = async (): Promise<void> => {
    while (flights.length < PUSHES_IN_FLIGHT) {
      try {
        if (!(await sendNext())) return;
      } catch (error) {
        if (flights.length === 0) throw error;
        return;
      }
    }
  };
  for (;;) {
    await topUp();
    const head = flights.shift();
    if (!head) return { outcome: 'done', cleared, rejected, questionnaireVersion };
    const outcome = await head.answer;
    if (outcome.type !== 'ok') {
      await settleAll();
      await recordSyncFailure(now(), outcome.error);
      return {
        outcome: 'failed',
        cleared,
        rejected,
        error: outcome.error,
        retryAfterMs: outcome.type === 'retry' ? outcome.retryAfterMs : null,
      };
    }
    questionnaireVersion = outcome.response.questionnaireVersion ?? questionnaireVersion;
    let applied: { cleared: number; rejected: number };
    try {
      applied = await applyPushResults(outcome.response.results, outcome.response.serverTime);
      cleared += applied.cleared;
      rejected += applied.rejected;
      await recordSyncSuccess(now(), outcome.response.clockOffsetMs);
      if (epoch) await recordEpochOffset(epoch, outcome.response.clockOffsetMs);
      // Items refused as `device_revoked`: the district revoked this device; the screens must say so now.
      if (outcome.response.results.some((r) => r.reason?.startsWith('device_revoked'))) await markDeviceRevoked(now());
    } catch (error) {
      await settleAll();
      throw error;
    }
    // A server that answered without settling a single item would loop us forever: stop and retry later.
    if (applied.cleared + applied.rejected === 0) {
      await settleAll();
      return { outcome: 'failed', cleared, rejected, error: 'server_error', retryAfterMs: null };
    }
  }
}

function lastId(batch: { items: WireItem[] }): string {
  return batch.items[batch.items.length - 1]?.id ?? '';
}
