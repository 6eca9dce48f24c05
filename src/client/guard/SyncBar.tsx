import '../i18n/dict-words'; // adds the standing part of the dictionary
import { useState } from 'preact/hooks';
import { SKEW_FLAG_MS } from '../../shared/protocol';
import { getSyncStatus } from '../data';
import { formatTime, t } from '../i18n/i18n';
import { useLive } from '../hooks/useLive';
import { sync } from '../app/sync-service';
import { useStanding, type Standing } from '../device/standing';

/** Why the last send failed, in words that tell no network from no server (null when nothing to say). */
function failureText(standing: Standing, lastError: string | null): string | null {
  if (standing.reach === 'no_network') return t('sync.noNetwork');
  if (standing.reach === 'server_unreachable') return t('sync.serverUnreachable');
  if (!lastError || standing.pending === 0 || lastError === 'offline' || lastError === 'timeout') return null;
  return t(`sync.error.${lastError}` as 'sync.error.server_error');
}

/**
 * Always-visible sync state: how many check-ins wait, when the last send succeeded, and why not (no network, no
 * server: said here only, the standing banner above leaves it out). One compact row, so the camera stays high.
 */
export function SyncBar() {
  const standing = useStanding();
  const status = useLive(getSyncStatus, [], null);
  const [sending, setSending] = useState(false);
  const pending = standing?.pending ?? 0;
  const revoked = standing?.revoked ?? false;
  const skewMin =
    status?.clockOffsetMs != null && Math.abs(status.clockOffsetMs) > SKEW_FLAG_MS
      ? Math.round(status.clockOffsetMs / 60_000)
      : null;
  const failure = standing ? failureText(standing, status?.lastError ?? null) : null;
  /** Enrolled, nothing queued yet and nothing ever sent (not "all sent"). */
  const never = !status?.lastSuccessAt;

  return (
    <section
      class={`syncbar ${revoked ? 'revoked' : pending > 0 ? 'has-pending' : 'all-sent'}`}
      aria-live="polite"
      data-testid="syncbar"
    >
      <div class="sync-counts">
        <strong data-testid="pending-count" data-count={pending}>
          {pending > 0
            ? t('sync.pending', { count: pending })
            : revoked
              ? t('sync.revoked')
              : never
                ? t('sync.nothingYet')
                : t('sync.allSent')}
        </strong>
        {/* A revoked device's "last sent" would read as all being well: it is not shown. Nothing queued and
            nothing ever sent is one fact, said once above. */}
        {!revoked && (status?.lastSuccessAt || pending > 0) && (
          <span data-testid="last-sync">
            {status?.lastSuccessAt
              ? t('sync.lastSuccess', { time: formatTime(status.lastSuccessAt) })
              : t('sync.never')}
          </span>
        )}
      </div>
      <button
        class="sync-now"
        disabled={sending || pending === 0}
        onClick={() => {
          setSending(true);
          void sync()
            .flushNow()
            .finally(() => setSending(false));
        }}
      >
        {sending ? t('sync.sending') : t('sync.now')}
      </button>
      {failure && !revoked && (
        <p class="sync-error" data-testid="sync-error">
          {failure}
        </p>
      )}
      {skewMin !== null && <p class="sync-error">{t('sync.clockSkew', { minutes: skewMin })}</p>}
    </section>
  );
}
