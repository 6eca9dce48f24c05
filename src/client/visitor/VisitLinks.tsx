import { navigate } from '../../browser/router';
import { t } from '../i18n/i18n';

/** After a check-in: where to go next. */
export function VisitLinks() {
  return (
    <div class="row">
      <button class="big" onClick={() => navigate('/me/visits')}>
        {t('visitor.myVisits')}
      </button>
      <button class="big" onClick={() => navigate('/')}>
        {t('visitor.home')}
      </button>
    </div>
  );
}
