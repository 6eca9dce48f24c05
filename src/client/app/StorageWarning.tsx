import { useEffect, useState } from 'preact/hooks';
import {
  onStorageFailure,
  probeStorage,
  storageNearlyFull,
  storageStatus,
  type StorageFailure,
  type StorageStatus,
} from '../data';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';

/**
 * Blocks the screen when a check-in could not be stored (quota full, or storage unavailable as in some
 * private windows) so a scan is never lost silently; warns, without blocking, above 80 % of the quota.
 */
export function StorageWarning() {
  const [failure, setFailure] = useState<StorageFailure | null>(null);
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    const readStatus = () => void storageStatus().then(setStatus);
    const off = onStorageFailure((kind) => {
      setFailure(kind);
      readStatus();
    });
    void probeStorage().then((result) => result !== 'ok' && setFailure(result));
    readStatus();
    return off;
  }, []);

  if (failure) {
    return (
      <div
        class="blocking"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="storage-warning-title"
        data-testid="storage-warning"
        data-kind={failure}
      >
        <div class="blocking-box">
          <h2 id="storage-warning-title">
            {t(failure === 'quota' ? 'storage.quota.title' : 'storage.unavailable.title')}
          </h2>
          <p>{t(failure === 'quota' ? 'storage.quota.body' : 'storage.unavailable.body')}</p>
          <button class="big primary" onClick={() => setFailure(null)}>
            {t('storage.understood')}
          </button>
        </div>
      </div>
    );
  }
  if (status && storageNearlyFull(status)) {
    const percent = Math.round(((status.usage ?? 0) / (status.quota ?? 1)) * 100);
    return (
      <div class="banner" role="alert" data-testid="storage-nearly-full">
        <span>{t('storage.nearlyFull', { percent })}</span>
        <button onClick={() => navigate('/settings')}>{t('settings.open')}</button>
      </div>
    );
  }
  return null;
}
