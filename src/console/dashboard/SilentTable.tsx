/** Silent checkpoints with whom to call. */
import { formatDateTime, t } from '../i18n/i18n';
import type { ConsoleDashboard as Dashboard } from '../../shared/console-api';

interface SilentTableProps {
  silent: Dashboard['silent'];
}

/** The follow-up list of checkpoints without check-ins in the window. */
export function SilentTable({ silent }: SilentTableProps) {
  if (silent.length === 0) return <p data-testid="silent-none">{t('dash.noSilent')}</p>;
  return (
    <table data-testid="silent-table">
      <thead>
        <tr>
          <th>{t('cp.code')}</th>
          <th>{t('cp.name')}</th>
          <th>{t('dash.col.commune')}</th>
          <th>{t('cp.contactName')}</th>
          <th>{t('cp.contactPhone')}</th>
          <th>{t('dash.col.lastCheckin')}</th>
          <th class="num">{t('dash.col.devices')}</th>
        </tr>
      </thead>
      <tbody>
        {silent.map((s) => (
          <tr key={s.id} data-code={s.code}>
            <td>{s.code}</td>
            <td>{s.name}</td>
            <td>{s.unitName}</td>
            <td>{s.contactName ?? '—'}</td>
            <td>{s.contactPhone ? <a href={`tel:${s.contactPhone.replace(/\s/g, '')}`}>{s.contactPhone}</a> : '—'}</td>
            <td>{s.lastCheckinAt === null ? t('dash.never') : formatDateTime(s.lastCheckinAt)}</td>
            <td class="num">{s.devices}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
