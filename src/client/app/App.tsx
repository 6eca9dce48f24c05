import { lazyComponent } from './lazy';
import { HomeScreen } from '../home/HomeScreen';
import { LazyVisitorApp } from '../home/LazyVisitorApp';
import { getLang, setLang, t, useLang } from '../i18n/i18n';
import { UpdatePrompt } from '../update/UpdatePrompt';
import { usePath } from '../../browser/router';
import { StorageWarning } from './StorageWarning';

// Guard screens load on demand: visitors never download them, guards get them from the precache.
const EnrolScreen = lazyComponent(() => import('../enrol/EnrolScreen').then((m) => m.EnrolScreen));
const GuardScreen = lazyComponent(() => import('../guard/GuardScreen').then((m) => m.GuardScreen));
const SettingsScreen = lazyComponent(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen));

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
      <StorageWarning />
      {route(path)}
    </>
  );
}

function route(path: string) {
  if (path.startsWith('/enrol')) return <EnrolScreen />;
  if (path.startsWith('/guard')) return <GuardScreen />;
  if (path === '/settings') return <SettingsScreen />;
  if (path.startsWith('/c/') || path.startsWith('/me/')) return <LazyVisitorApp path={path} />;
  return <HomeScreen />;
}
