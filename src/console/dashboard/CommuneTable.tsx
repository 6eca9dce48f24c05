/** Registered vs active checkpoints per commune. */
import { t } from '../i18n/i18n';
import type { ConsoleDashboard as Dashboard } from '../../shared/console-api';

interface CommuneTableProps {
  communes: Dashboard['communes'];
}

/** The per-commune table (communes without checkpoints included, they are the first to follow up). */
export function CommuneTable({ communes }: CommuneTableProps) {
  return (
    <table data-testid="commune-table">
      <thead>
        <tr>
          <th>{t('dash.col.commune')}</th>
          <th class="num">{t('dash.col.registered')}</th>
          <th class="num">{t('dash.col.active')}</th>
          <th class="num">{t('dash.col.silent')}</th>
        </tr>
      </thead>
      <tbody>
        {communes.map((c) => (
          <tr key={c.unitId}>
            <td>{c.name}</td>
            <td class="num">{c.registered}</td>
            <td class="num">{c.active}</td>
            <td class={c.registered - c.active > 0 ? 'num warn' : 'num'}>{c.registered - c.active}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
