/** Guard devices that have not synced for more than a day. */
import { formatDateTime, t } from '../i18n/i18n';
import type { AdminDevice as Device } from '../../shared/console-api';

interface StaleDevicesTableProps {
  devices: Device[];
}

/** The stale-device list. */
export function StaleDevicesTable({ devices }: StaleDevicesTableProps) {
  if (devices.length === 0) return <p>{t('dash.noStale')}</p>;
  return (
    <table data-testid="stale-table">
      <thead>
        <tr>
          <th>{t('dev.label')}</th>
          <th>{t('dev.checkpoint')}</th>
          <th>{t('dev.lastSync')}</th>
          <th class="num">{t('dev.pending')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr key={d.id}>
            <td>{d.label ?? d.id.slice(-8)}</td>
            <td>
              {d.checkpointCode} · {d.checkpointName}
            </td>
            <td>{d.lastSyncAt === null ? t('dev.neverSynced') : formatDateTime(d.lastSyncAt)}</td>
            <td class="num">{d.pendingReported ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
