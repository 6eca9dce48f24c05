import { pendingSelfCount } from '../data';
import { useLive } from '../hooks/useLive';
import { t } from '../i18n/i18n';

/** Whether the phone's own check-ins have reached the district server, in plain words. */
export function SelfSyncState() {
  const pending = useLive(pendingSelfCount, [], -1);
  if (pending < 0) return null;
  return (
    <p class={pending > 0 ? 'undeclared' : 'declared'} data-testid="visitor-pending" data-count={pending}>
      {pending > 0 ? t('visitor.pending', { count: pending }) : t('visitor.allSent')}
    </p>
  );
}
