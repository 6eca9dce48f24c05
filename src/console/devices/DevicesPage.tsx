/** Every guard device with its checkpoint, app version, last sync, clock offset and backlog; revoke. */
import { looksLikeUserAgent } from '../../shared/device-name';
import { call } from '../api';
import { formatDateTime, t } from '../i18n/i18n';
import { adminRoutes, type AdminDevice as Device } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { QueueUploadPanel } from './QueueUploadPanel';

/** The devices page. */
export function DevicesPage() {
  const { data, error, reload } = useLoad(adminRoutes.devices);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const revoke = async (d: Device) => {
    if (!confirm(t('dev.confirmRevoke', { label: d.label ?? d.id.slice(-8) }))) return;
    await call(adminRoutes.deviceRevoke, { params: { id: d.id } });
    reload();
  };
  return (
    <section>
      <h1>{t('nav.devices')}</h1>
      <p class="hint">{t('dev.hint')}</p>
      <QueueUploadPanel />
      <table data-testid="device-table">
        <thead>
          <tr>
            <th>{t('dev.label')}</th>
            <th>{t('dev.checkpoint')}</th>
            <th>{t('dev.version')}</th>
            <th>{t('dev.lastSync')}</th>
            <th class="num">{t('dev.offset')}</th>
            <th class="num">{t('dev.pending')}</th>
            <th>{t('cp.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.id} class={d.revokedAt ? 'muted' : ''} data-device={d.id}>
              <td>
                {d.label && !looksLikeUserAgent(d.label)
                  ? d.label
                  : t('dev.unnamed', { checkpoint: d.checkpointName, id: d.id.slice(-4) })}
              </td>
              <td>
                {d.checkpointCode} · {d.checkpointName}
              </td>
              <td>{d.appVersion}</td>
              <td>{d.lastSyncAt === null ? t('dev.neverSynced') : formatDateTime(d.lastSyncAt)}</td>
              <td class="num">{d.clockOffsetMs === null ? '—' : `${Math.round(d.clockOffsetMs / 1000)} s`}</td>
              <td class="num">{d.pendingReported ?? '—'}</td>
              <td>
                {d.revokedAt ? (
                  t('dev.revokedAt', { time: formatDateTime(d.revokedAt) })
                ) : (
                  <button type="button" class="danger" onClick={() => revoke(d)}>
                    {t('dev.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
