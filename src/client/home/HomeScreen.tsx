import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import { getEnrolment } from '../data';
import { useLive } from '../hooks/useLive';
import { LazyVisitorApp } from './LazyVisitorApp';
import './install-prompt';
import { NoticeBanner } from '../notices/NoticeBanner';

/** The start page: the visitor's home (profiles, QR, check-in), plus a discreet line for guards. */
export function HomeScreen() {
  const enrolment = useLive(getEnrolment, [], null);
  return (
    <main class="screen">
      <h1>{t('visitor.homeTitle')}</h1>
      <NoticeBanner />
      <p>{t('visitor.homeIntro')}</p>
      {/* Holds the page's height while the visitor chunk loads, so nothing below it shifts. */}
      <div style={{ minHeight: '100vh' }}>
        <LazyVisitorApp path="/" />
      </div>
      <footer class="guard-line">
        {enrolment ? (
          <button class="big primary" onClick={() => navigate('/guard')}>
            {t('home.openScanner')}
          </button>
        ) : (
          <p class="hint">{t('home.guardHint')}</p>
        )}
        <p class="settings-link">
          <a href="/settings" onClick={(e) => (e.preventDefault(), navigate('/settings'))}>
            {t('settings.open')}
          </a>
        </p>
      </footer>
    </main>
  );
}
