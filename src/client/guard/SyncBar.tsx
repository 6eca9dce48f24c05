import { useState } from 'preact/hooks';
import { SKEW_FLAG_MS } from '../../shared/protocol';
import { getSyncStatus, pendingCount } from '../data';
import { formatTime, t } from '../i18n/i18n';
import { useLive } from '../hooks/useLive';
import { sync } from '../app/sync-service';

/** Always-visible sync state: how many check-ins wait, when the last send succeeded, and why not. */
export function SyncBar() {
  const pending = useLive(pendingCount, [], 0);
  const status = useLive(getSyncStatus, [], null);
  const [sending, setSending] = useState(false);
  const skewMin = status?.clockOffsetMs != null && Math.abs(status.clockOffsetMs) > SKEW_FLAG_MS ? Math.round(status.clockOffsetMs / 60_000) : null;

  return (
    <section class={`syncbar ${pending > 0 ? 'has-pending' : 'all-sent'}`} aria-live="polite">
      <div class="sync-counts">
        <strong data-testid="pending-count" data-count={pending}>
          {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSent')}
        </strong>
        <span data-testid="last-sync">
          {status?.lastSuccessAt ? t('sync.lastSuccess', { time: formatTime(status.lastSuccessAt) }) : t('sync.never')}
        </span>
      </div>
      {status?.lastError && pending > 0 && <p class="sync-error">{t(`sync.error.${status.lastError}`)}</p>}
      {skewMin !== null && <p class="sync-error">{t('sync.clockSkew', { minutes: skewMin })}</p>}
      <button
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
    </section>
  );
}
