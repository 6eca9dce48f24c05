import { t } from '../i18n/i18n';
import { navigate } from '../app/router';
import { getEnrolment } from '../data';
import { useLive } from '../hooks/useLive';

/** The start page: explains the app and sends an enrolled guard device to its scanner. */
export function HomeScreen() {
  const enrolment = useLive(getEnrolment, [], null);
  return (
    <main class="screen">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {enrolment ? (
        <button class="big primary" onClick={() => navigate('/guard')}>
          {t('home.openScanner')}
        </button>
      ) : (
        <p class="hint">{t('home.guardHint')}</p>
      )}
    </main>
  );
}
