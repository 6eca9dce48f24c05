/** The audit log: who did what, when, on what. */
import { formatDateTime, t } from '../i18n/i18n';
import { useLoad } from '../use-load';

import { adminRoutes } from '../../shared/console-api';

/** The audit page (newest 200 entries). */
export function AuditPage() {
  const { data } = useLoad(adminRoutes.audit, undefined, { limit: '200' });
  return (
    <section>
      <h1>{t('nav.audit')}</h1>
      <table data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.username ?? '—'}</td>
              <td>{e.action}</td>
              <td>
                {e.targetType ?? ''} {e.detail ? JSON.stringify(e.detail) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
