/** The checkpoint list with links to each checkpoint, its poster, and the commune's poster batch. */
import { t } from '../i18n/i18n';
import type { ConsoleKey } from '../i18n/dict';
import { navigate } from '../../browser/router';
import { adminRoutes, type ConsoleUser as User } from '../../shared/console-api';
import { useLoad } from '../use-load';

interface CheckpointsPageProps {
  user: User;
}

/** The checkpoints page. */
export function CheckpointsPage({ user }: CheckpointsPageProps) {
  const { data, error } = useLoad(adminRoutes.checkpoints);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const communes = [...new Map(data.map((c) => [c.unitId, c.unitName])).entries()];
  return (
    <section>
      <h1>{t('nav.checkpoints')}</h1>
      <p class="actions no-print">
        <button type="button" onClick={() => navigate('/console/checkpoints/new')} data-testid="new-checkpoint">
          {t('cp.new')}
        </button>
      </p>
      <table data-testid="checkpoint-table">
        <thead>
          <tr>
            <th>{t('cp.code')}</th>
            <th>{t('cp.name')}</th>
            <th>{t('cp.type')}</th>
            <th>{t('dash.col.commune')}</th>
            <th>{t('cp.contactName')}</th>
            <th>{t('cp.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((c) => (
            <tr key={c.id} class={c.status === 'closed' ? 'muted' : ''}>
              <td>{c.code}</td>
              <td>
                <a
                  href={`/console/checkpoints/${c.id}`}
                  onClick={(e) => (e.preventDefault(), navigate(`/console/checkpoints/${c.id}`))}
                >
                  {c.name}
                </a>
              </td>
              <td>{t(`type.${c.type}` as ConsoleKey)}</td>
              <td>{c.unitName}</td>
              <td>
                {c.contactName ?? '—'} {c.contactPhone ?? ''}
              </td>
              <td>{t(c.status === 'open' ? 'cp.open' : 'cp.closed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('cp.printCommune')}</h2>
      <ul class="inline">
        {communes.map(([id, name]) => (
          <li key={id}>
            <a href={`/console/posters/unit/${id}`} target="_blank" rel="noopener">
              {name}
            </a>
          </li>
        ))}
      </ul>
      {user.role === 'officer' && <p class="hint">{t('cp.officerScope')}</p>}
    </section>
  );
}
