/** The console's side navigation: pages the user's role may open, language, sign-out. */
import { call } from './api';
import { t } from './i18n/i18n';
import { LangSwitch } from './LangSwitch';
import { navigate } from '../browser/router';
import { adminRoutes, type ConsoleUser as User } from '../shared/console-api';
import { NAV_ITEMS } from './access';

interface NavProps {
  user: User;
  path: string;
  onSignedOut: () => void;
}

/** The navigation bar. */
export function Nav({ user, path, onSignedOut }: NavProps) {
  const signOut = async () => {
    await call(adminRoutes.logout).catch(() => undefined);
    onSignedOut();
  };
  return (
    <nav class="no-print">
      <strong class="brand">{t('app.title')}</strong>
      <ul>
        {NAV_ITEMS.filter((i) => i.roles.includes(user.role)).map((item) => (
          <li key={item.path}>
            <a
              href={item.path}
              aria-current={
                path === item.path ||
                (item.path !== '/console' && item.path !== '/console/outbreak' && path.startsWith(item.path))
                  ? 'page'
                  : undefined
              }
              onClick={(e) => {
                e.preventDefault();
                navigate(item.path);
              }}
            >
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
      <p class="who" data-testid="signed-in-as">
        {user.displayName} · {t(`role.${user.role}`)}
      </p>
      <LangSwitch />
      <button type="button" class="link" onClick={signOut}>
        {t('nav.signOut')}
      </button>
    </nav>
  );
}
