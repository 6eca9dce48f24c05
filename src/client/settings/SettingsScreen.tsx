import { useEffect, useState } from 'preact/hooks';
import { getEnrolment, getSyncStatus, pendingCount, requestPersistentStorage, storageNearlyFull, storageStatus, type StorageStatus } from '../data';
import { useLive } from '../hooks/useLive';
import { useLang } from '../i18n/i18n';
import { formatBytes, formatDateTime, st } from './st';

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
      <h1>{st('settings.title')}</h1>
      <dl>
        <dt>{st('settings.storage')}</dt>
        <dd data-testid="storage-used">
          {usage !== null && quota !== null && quota > 0
            ? st('settings.storageOf', { used: formatBytes(usage), quota: formatBytes(quota), percent: Math.round((usage / quota) * 100) })
            : st('settings.storageUnknown')}
        </dd>
        {storage && storageNearlyFull(storage) && <dd class="error" role="alert">{st('settings.storageFull')}</dd>}
        <dt>{st('settings.persisted')}</dt>
        <dd data-testid="persisted" data-persisted={String(persisted)}>
          {persisted === true ? st('settings.persistedYes') : persisted === false ? st('settings.persistedNo') : st('settings.persistedUnknown')}
        </dd>
        {persisted === false && (
          <dd>
            <button onClick={() => void requestPersistentStorage({ again: true }).then(readStorage)}>{st('settings.persistAsk')}</button>
          </dd>
        )}
        <dt>{st('settings.version')}</dt>
        <dd data-testid="app-version">{__APP_VERSION__}</dd>
        <dt>{st('settings.enrolment')}</dt>
        <dd data-testid="enrolment">
          {device?.enrolment
            ? st('settings.enrolledAt', {
                checkpoint: device.enrolment.checkpoint.name,
                code: device.enrolment.checkpoint.code,
                device: device.enrolment.deviceId,
                time: formatDateTime(device.enrolment.enrolledAt),
              })
            : st('settings.notEnrolled')}
        </dd>
        <dt>{st('settings.lastSync')}</dt>
        <dd data-testid="settings-last-sync">
          {device?.lastSuccessAt ? formatDateTime(device.lastSuccessAt) : st('settings.never')} · {st('settings.pending', { count: device?.pending ?? 0 })}
        </dd>
      </dl>
      <button onClick={() => history.back()}>{st('settings.back')}</button>
    </main>
  );
}
