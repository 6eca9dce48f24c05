/**
 * Forwarding, sending side: the loop that empties `forward_outbox` into the server above. Batches of
 * up to 500 in id order; before a batch, the checkpoints and devices it names are upserted on the server above;
 * outbox rows go only when the server above answered accepted/duplicate. State lives in the database only
 * (the known-catalog cache just saves requests), so a restart resumes where it stopped.
 */
import { API, MAX_BATCH, PROTOCOL_VERSION, type PushRequest, type ForwardingCatalog } from '../../shared/protocol';
import { postJson, pushBatch, type PostOutcome, type PushOutcome } from '../../shared/sync/push';
import type { BackoffOptions } from '../../shared/sync/backoff';
import { findCheckinsByIds } from '../db/checkins-repo';
import { findCheckpointById } from '../db/checkpoints-repo';
import type { Db } from '../db/database';
import { findDeviceCheckpoints } from '../db/devices-repo';
import { FORWARD_BACKOFF, nextStep, sortResults } from './sender-decisions';
import { flagRejected, nextForwardBatch, outboxCounts, removeForwarded } from './outbox-repo';
import { toCatalogCheckpoint, toForwardedItem } from './sender-wire';

/** Where and how to forward. */
export interface ForwardConfig {
  /** The server above's base URL (`FORWARD_URL`). */
  url: string;
  /** This server's forwarding token from the server above's `enrol-forwarder` (`FORWARD_TOKEN`). */
  token: string;
  /** Items per push (≤ 500). */
  batchSize?: number;
  /** Poll interval while the outbox is empty, ms. */
  idleMs?: number;
  backoff?: BackoffOptions;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** A running forwarder. */
interface Forwarder {
  /** Wakes the loop now (e.g. after new check-ins). */
  kick(): void;
  /** Stops after the current step; resolves when the loop has ended. */
  stop(): Promise<void>;
}

const APP_VERSION = 'forwarder/1';

/** Sends the catalog (checkpoints and devices a batch names) through the shared sync client; never throws. */
function postCatalog(config: ForwardConfig, body: ForwardingCatalog): Promise<PostOutcome<true>> {
  return postJson({
    url: new URL(API.forwardingCatalog, config.url).toString(),
    token: config.token,
    body,
    timeoutMs: config.timeoutMs ?? 30_000,
    read: () => true,
    ...(config.fetchImpl ? { fetchImpl: config.fetchImpl } : {}),
  });
}

/** Starts the forwarding loop on this server's database; `log` gets counts only, never personal data. */
export function startForwarder(
  db: Db,
  config: ForwardConfig,
  now: () => number,
  log: (message: string, level?: 'info' | 'warn' | 'error') => void,
): Forwarder {
  const batchSize = Math.min(config.batchSize ?? MAX_BATCH, MAX_BATCH);
  const idleMs = config.idleMs ?? 2_000;
  const backoff = config.backoff ?? FORWARD_BACKOFF;
  const knownCheckpoints = new Set<string>();
  const knownDevices = new Set<string>();
  let stopped = false;
  let failures = 0;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        wake = null;
        resolve();
      };
      timer = setTimeout(() => wake?.(), ms);
    });

  /** One batch; returns the wait before the next step. */
  async function step(): Promise<number> {
    const ids = await nextForwardBatch(db, batchSize);
    if (ids.length === 0) return idleMs;
    const checkins = await findCheckinsByIds(db, ids);
    const present = new Set(checkins.map((c) => c.id));
    const gone = ids.filter((id) => !present.has(id)); // purged by retention meanwhile: nothing left to send
    await removeForwarded(db, gone);
    if (checkins.length === 0) return 0;

    const newCheckpoints = [...new Set(checkins.map((c) => c.checkpointId))].filter((id) => !knownCheckpoints.has(id));
    const newDevices = [...new Set(checkins.map((c) => c.deviceId))].filter((id) => !knownDevices.has(id));
    if (newCheckpoints.length > 0 || newDevices.length > 0) {
      const checkpoints = (await Promise.all(newCheckpoints.map((id) => findCheckpointById(db, id)))).flatMap((cp) =>
        cp ? [toCatalogCheckpoint(cp)] : [],
      );
      const devices = await findDeviceCheckpoints(db, newDevices);
      const outcome = await postCatalog(config, { checkpoints, devices });
      if (outcome.type !== 'ok') return fail(outcome, 'catalog');
      for (const id of newCheckpoints) knownCheckpoints.add(id);
      for (const id of newDevices) knownDevices.add(id);
    }

    const { pending } = await outboxCounts(db);
    const body: PushRequest = {
      protocol: PROTOCOL_VERSION,
      sentAt: now(),
      appVersion: APP_VERSION,
      pending,
      items: checkins.map(toForwardedItem),
    };
    const outcome = await pushBatch({
      baseUrl: config.url,
      token: config.token,
      body,
      timeoutMs: config.timeoutMs ?? 30_000,
      ...(config.fetchImpl ? { fetchImpl: config.fetchImpl } : {}),
    });
    if (outcome.type !== 'ok') return fail(outcome, 'push');
    const verdict = sortResults([...present], outcome.response);
    await removeForwarded(db, verdict.done);
    // The server above lost a checkpoint or device we thought it had (e.g. restored from an old backup): send the
    // catalog again.
    const stale = verdict.rejected.filter(
      (r) => r.reason.startsWith('unknown_checkpoint') || r.reason.startsWith('unknown_device'),
    );
    if (stale.length > 0) {
      knownCheckpoints.clear();
      knownDevices.clear();
    }
    const rejected = verdict.rejected.filter((r) => !stale.includes(r));
    if (rejected.length > 0) {
      await flagRejected(db, rejected, now());
      log(
        `forwarding: the server above rejected ${rejected.length} check-in(s); kept and flagged in forward_outbox`,
        'warn',
      );
    }
    failures = nextStep(outcome, failures, backoff).failures;
    return verdict.unanswered.length + stale.length === checkins.length
      ? Math.max(idleMs, nextStep({ type: 'retry', error: 'server_error', retryAfterMs: null }, 0, backoff).delayMs)
      : 0;
  }

  function fail(outcome: Exclude<PushOutcome, { type: 'ok' }>, what: string): number {
    const next = nextStep(outcome, failures, backoff);
    if (failures === 0 || next.needsOperator) {
      const detail =
        outcome.type === 'stop'
          ? `${outcome.error} (${outcome.message})`
          : outcome.type === 'retry'
            ? outcome.error
            : '';
      log(
        `forwarding: ${what} failed: ${detail}; retrying in ${next.delayMs} ms (failure ${next.failures})`,
        next.needsOperator ? 'error' : 'warn',
      );
    }
    failures = next.failures;
    return next.delayMs;
  }

  const loop = (async () => {
    while (!stopped) {
      let delay: number;
      try {
        delay = await step();
      } catch (error) {
        // A database error (e.g. during shutdown): keep the outbox, back off.
        delay = fail(
          { type: 'retry', error: 'server_error', retryAfterMs: null },
          `step (${error instanceof Error ? error.name : 'error'})`,
        );
      }
      if (!stopped && delay > 0) await sleep(delay);
    }
  })();

  return {
    kick: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      // A request in flight to a hanging server above ends by its own timeout; do not hold the shutdown for it.
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    },
  };
}
