/** The audit log: who did what, when, on what. */
import { formatDateTime, t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { actionInWords, detailInWords } from './audit-words';

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
              <td data-action={e.action}>{actionInWords(e.action)}</td>
              <td>{detailInWords(e.detail, e.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
