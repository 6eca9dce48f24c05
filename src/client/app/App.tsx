import { EnrolScreen } from '../enrol/EnrolScreen';
import { GuardScreen } from '../guard/GuardScreen';
import { HomeScreen } from '../home/HomeScreen';
import { getLang, setLang, t, useLang } from '../i18n/i18n';
import { UpdatePrompt } from '../update/UpdatePrompt';
import { usePath } from './router';

/** The app shell: header with the language switch, the update banner and the current screen. */
export function App() {
  useLang();
  const path = usePath();
  return (
    <>
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        <button class="lang" title={t('app.languageHint')} onClick={() => setLang(getLang() === 'vi' ? 'en' : 'vi')}>
          {t('app.language')}
        </button>
      </header>
      <UpdatePrompt />
      {route(path)}
    </>
  );
}

function route(path: string) {
  if (path.startsWith('/enrol')) return <EnrolScreen />;
  if (path.startsWith('/guard')) return <GuardScreen />;
  return <HomeScreen />;
}
