/** Print view of one poster or of all posters of a commune (one A4 page each; browser print). */
import { t } from '../i18n/i18n';
import type { AdminRoute, Poster as PosterData } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { Poster } from './Poster';

interface PosterPageProps {
  /** The API route answering one poster or a list of them, and its checkpoint or unit id. */
  route: AdminRoute<PosterData | PosterData[]>;
  id: string;
}

/** The print page. */
export function PosterPage({ route, id }: PosterPageProps) {
  const { data, error } = useLoad(route, { id });
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const posters = Array.isArray(data) ? data : [data];
  return (
    <div class="print-view">
      <p class="no-print actions">
        <button type="button" onClick={() => print()}>
          {t('poster.print')}
        </button>
        <span class="hint">{t('poster.printHint', { count: posters.length })}</span>
      </p>
      {posters.map((p) => (
        <Poster key={p.checkpoint.id} poster={p} />
      ))}
    </div>
  );
}
