import { t } from './i18n/i18n';
import { navigate } from '../browser/router';

/** A console path the signed-in role may not use: says so and offers the way back, instead of a dead page. */
export function NotForYou() {
  return (
    <section data-testid="not-for-you">
      <h1>{t('words.notForYou')}</h1>
      <p>
        <a href="/console" onClick={(e) => (e.preventDefault(), navigate('/console'))}>
          {t('words.backHome')}
        </a>
      </p>
    </section>
  );
}
