/**
 * The risk warning: on a visitor's phone, the published notices that match its own visits; on a
 * guard device, the notices for its own checkpoint. Kept fresh while online; works offline.
 */
import { useEffect } from 'preact/hooks';
import type { RiskNotice } from '../../shared/protocol';
import { matchNotices, noticesForCheckpoint } from '../data/notices';
import { useLive } from '../hooks/useLive';
import { t } from '../i18n/i18n';
import { keepNoticesFresh } from './refresh';

interface NoticeBannerProps {
  /** Guard devices pass their checkpoint; visitor phones pass nothing. */
  checkpointId?: string;
}

function when(ms: number): string {
  return new Date(ms).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit' });
}

/** Shows the matching risk notices, or nothing. */
export function NoticeBanner({ checkpointId }: NoticeBannerProps) {
  useEffect(() => keepNoticesFresh(), []);
  const notices = useLive<RiskNotice[]>(
    async () => (checkpointId ? noticesForCheckpoint(checkpointId) : (await matchNotices()).map((m) => m.notice)),
    [checkpointId],
    [],
  );
  if (notices.length === 0) return null;
  return (
    <section class="risk-notice" role="alert" data-testid="risk-notice">
      <h2>{checkpointId ? t('notice.guardTitle') : t('notice.visitorTitle')}</h2>
      <ul>
        {notices.map((n) => (
          <li key={n.id}>
            <p>{t('notice.where', { place: n.checkpointName, from: when(n.start), to: when(n.end) })}</p>
            <p class="notice-instructions">{n.instructions}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
