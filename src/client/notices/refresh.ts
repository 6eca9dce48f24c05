/**
 * Fetches the published risk notices whenever the device is online and stores them for offline use.
 * A plain GET with no identity: the server learns nothing about who asks.
 */
import * as v from 'valibot';
import { API, NoticesResponseSchema } from '../../shared/protocol';
import { saveNotices } from '../data/notices';

/** Fetches and stores the notices; false when offline or the answer was unusable (the old list stays). */
export async function refreshNotices(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await fetchImpl(API.notices, { cache: 'no-store' });
    if (!res.ok) return false;
    const parsed = v.safeParse(NoticesResponseSchema, await res.json());
    if (!parsed.success) return false;
    await saveNotices(parsed.output.notices);
    return true;
  } catch {
    return false;
  }
}

const REFRESH_EVERY_MS = 5 * 60_000;

/**
 * Refreshes now, when the network returns, when the page becomes visible, and every 5 minutes; returns a stop function.
 */
export function keepNoticesFresh(): () => void {
  const run = (): void => void refreshNotices();
  run();
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') run();
  };
  window.addEventListener('online', run);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(run, REFRESH_EVERY_MS);
  return () => {
    window.removeEventListener('online', run);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
