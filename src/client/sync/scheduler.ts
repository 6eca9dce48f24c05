/**
 * When the page flushes the outbox: at start, when the network comes back, when the page becomes
 * visible, shortly after each new check-in, and on a timer; after a failure, on the backoff schedule.
 */
import { getSyncStatus } from '../data';
import { nextRetryDelay } from '../../shared/sync/backoff';
import { flushOutbox, type FlushOptions, type FlushResult } from './flush';

export interface SyncScheduler {
  /** Asks for a flush soon (after a new check-in). */
  nudge(): void;
  /** Flushes now, whatever the backoff says (the "sync now" button, the `online` event). */
  flushNow(): Promise<FlushResult>;
  /** True while this page is flushing. */
  isFlushing(): boolean;
  stop(): void;
}

interface SchedulerOptions extends FlushOptions {
  /** Periodic check while the app is open. */
  intervalMs?: number;
  /** Called after every flush attempt (the UI refreshes its status from the database anyway). */
  onResult?: (result: FlushResult) => void;
  /** Asks the service worker for a Background Sync when a flush fails. */
  requestBackgroundSync?: () => void;
}

const NUDGE_DELAY_MS = 250;
const BUSY_RETRY_MS = 1_500;

/** Starts flushing the outbox on the page's events and timers. */
export function startSyncScheduler(opts: SchedulerOptions): SyncScheduler {
  const intervalMs = opts.intervalMs ?? 30_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<FlushResult> | null = null;
  let stopped = false;
  let nudgedWhileRunning = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  };

  const run = async (): Promise<FlushResult> => {
    if (running) return running;
    nudgedWhileRunning = false;
    running = (async () => {
      const result = await flushOutbox(opts).catch((): FlushResult => ({
        outcome: 'failed',
        cleared: 0,
        rejected: 0,
        error: 'offline',
      }));
      opts.onResult?.(result);
      if (result.outcome === 'failed') {
        const status = await getSyncStatus().catch(() => null);
        schedule(nextRetryDelay(status?.consecutiveFailures ?? 1, result.retryAfterMs ?? null));
        opts.requestBackgroundSync?.();
      } else if (result.outcome === 'busy') {
        schedule(BUSY_RETRY_MS);
      } else {
        schedule(nudgedWhileRunning ? NUDGE_DELAY_MS : intervalMs);
      }
      return result;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  // Asked for now while a flush is running (it may be failing against a network that has just come
  // back): let it finish, then try once more at once instead of waiting out its backoff.
  const runNow = async (): Promise<FlushResult> => {
    if (running) await running.catch(() => undefined);
    return run();
  };
  const onOnline = () => void runNow();
  const onVisible = () => {
    if (document.visibilityState === 'visible') void runNow();
  };
  globalThis.addEventListener?.('online', onOnline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  schedule(0);

  return {
    nudge() {
      if (running) nudgedWhileRunning = true;
      else schedule(NUDGE_DELAY_MS);
    },
    flushNow: runNow,
    isFlushing: () => running !== null,
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
    },
  };
}
