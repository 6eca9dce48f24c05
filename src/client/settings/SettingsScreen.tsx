import { useEffect, useState } from 'preact/hooks';
import {
  getEnrolment,
  getSyncStatus,
  pendingCount,
  requestPersistentStorage,
  storageNearlyFull,
  storageStatus,
  type StorageStatus,
} from '../data';
import { useLive } from '../hooks/useLive';
import { useLang } from '../i18n/i18n';
import '../i18n/dict-settings'; // adds the settings screen's part of the dictionary
import { t } from '../i18n/i18n';
import { formatBytes, formatDateTime } from './format';
import { DeviceStatusBanner } from '../device/DeviceStatusBanner';

/** What settings shows about sync, read in one live query. */
async function readDevice() {
  const [enrolment, status, pending] = await Promise.all([getEnrolment(), getSyncStatus(), pendingCount()]);
  return { enrolment, lastSuccessAt: status.lastSuccessAt, pending };
}

/** Storage used and quota, persistent-storage state (and a button to ask), app version, enrolment and last sync. */
export function SettingsScreen() {
  useLang();
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const device = useLive(readDevice, [], null);
  const readStorage = () => void storageStatus().then(setStorage);
  useEffect(readStorage, []);

  const { usage, quota, persisted } = storage ?? { usage: null, quota: null, persisted: null };
  return (
    <main class="screen settings" data-testid="settings">
      <h1>{t('settings.title')}</h1>
      {device?.enrolment && <DeviceStatusBanner />}
      <dl>
        <dt>{t('settings.storage')}</dt>
        <dd data-testid="storage-used">
          {usage !== null && quota !== null && quota > 0
            ? t('settings.storageOf', {
                used: formatBytes(usage),
                quota: formatBytes(quota),
                percent: Math.round((usage / quota) * 100),
              })
            : t('settings.storageUnknown')}
        </dd>
        {storage && storageNearlyFull(storage) && (
          <dd class="error" role="alert">
            {t('settings.storageFull')}
          </dd>
        )}
        <dt>{t('settings.persisted')}</dt>
        <dd data-testid="persisted" data-persisted={String(persisted)}>
          {persisted === true
            ? t('settings.persistedYes')
            : persisted === false
              ? t('settings.persistedNo')
              : t('settings.persistedUnknown')}
        </dd>
        {persisted === false && (
          <dd>
            <button onClick={() => void requestPersistentStorage({ again: true }).then(readStorage)}>
              {t('settings.persistAsk')}
            </button>
          </dd>
        )}
        <dt>{t('settings.version')}</dt>
        <dd data-testid="app-version">{__APP_VERSION__}</dd>
        <dt>{t('settings.enrolment')}</dt>
        <dd data-testid="enrolment">
          {device?.enrolment
            ? t('settings.enrolledAt', {
                checkpoint: device.enrolment.checkpoint.name,
                code: device.enrolment.checkpoint.code,
                device: device.enrolment.deviceId,
                time: formatDateTime(device.enrolment.enrolledAt),
              })
            : t('settings.notEnrolled')}
        </dd>
        <dt>{t('settings.lastSync')}</dt>
        <dd data-testid="settings-last-sync">
          {device?.lastSuccessAt ? formatDateTime(device.lastSuccessAt) : t('settings.never')} ·{' '}
          {t('settings.pending', { count: device?.pending ?? 0 })}
        </dd>
      </dl>
      <button onClick={() => history.back()}>{t('settings.back')}</button>
    </main>
  );
}
