/** The console's side navigation: pages the user's role may open, language, sign-out. */
import { call } from './api';
import { t } from './i18n/i18n';
import type { ConsoleKey } from './i18n/dict';
import { LangSwitch } from './LangSwitch';
import { navigate } from './router';
import { adminRoutes, type ConsoleUser as User, type Role } from '../shared/console-api';

export interface NavProps {
  user: User;
  path: string;
  onSignedOut: () => void;
}

const ITEMS: { path: string; label: ConsoleKey; roles: Role[] }[] = [
  { path: '/console', label: 'nav.dashboard', roles: ['admin', 'officer'] },
  { path: '/console/checkpoints', label: 'nav.checkpoints', roles: ['admin', 'officer'] },
  { path: '/console/devices', label: 'nav.devices', roles: ['admin', 'officer'] },
  { path: '/console/units', label: 'nav.units', roles: ['admin'] },
  { path: '/console/questionnaire', label: 'nav.questionnaire', roles: ['admin'] },
  { path: '/console/users', label: 'nav.users', roles: ['admin'] },
  { path: '/console/audit', label: 'nav.audit', roles: ['admin'] },
  { path: '/console/tracing', label: 'nav.tracing', roles: ['admin', 'tracer'] },
];

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
        {ITEMS.filter((i) => i.roles.includes(user.role)).map((item) => (
          <li key={item.path}>
            <a
              href={item.path}
              aria-current={path === item.path || (item.path !== '/console' && path.startsWith(item.path)) ? 'page' : undefined}
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
      <button type="button" class="link" onClick={signOut}>{t('nav.signOut')}</button>
    </nav>
  );
}
