/** Which console pages each role may open: the navigation shows only these, and other paths say so. */
import type { ConsoleKey } from './i18n/dict';
import type { Role } from '../shared/console-api';
import { OUTBREAK_NAV } from './outbreak/routes';

/** Pages in the navigation, in order, with the roles the server admits to their API. */
export const NAV_ITEMS: { path: string; label: ConsoleKey; roles: Role[] }[] = [
  { path: '/console', label: 'nav.dashboard', roles: ['admin', 'officer'] },
  { path: '/console/checkpoints', label: 'nav.checkpoints', roles: ['admin', 'officer'] },
  { path: '/console/devices', label: 'nav.devices', roles: ['admin', 'officer'] },
  { path: '/console/units', label: 'nav.units', roles: ['admin'] },
  { path: '/console/questionnaire', label: 'nav.questionnaire', roles: ['admin'] },
  { path: '/console/users', label: 'nav.users', roles: ['admin'] },
  { path: '/console/audit', label: 'nav.audit', roles: ['admin'] },
  { path: '/console/tracing', label: 'nav.tracing', roles: ['admin', 'tracer'] },
  ...OUTBREAK_NAV.map((i) => ({ ...i, roles: [...i.roles] })),
];

/** Pages reached from others (checkpoint details, posters), by path prefix. */
const INNER: { prefix: string; roles: Role[] }[] = [
  { prefix: '/console/checkpoints/', roles: ['admin', 'officer'] },
  { prefix: '/console/posters/', roles: ['admin', 'officer'] },
  { prefix: '/console/outbreak/cases/', roles: ['admin', 'tracer'] },
];

/** Whether `role` may open the console page at `path` (a tracer's "/console" is the tracing search). */
export function mayOpen(role: Role, path: string): boolean {
  const p = path.replace(/\/+$/, '') || '/console';
  if (p === '/console' && role === 'tracer') return true;
  const item = NAV_ITEMS.find((i) => i.path === p);
  if (item) return item.roles.includes(role);
  const inner = INNER.find((i) => p.startsWith(i.prefix));
  return inner ? inner.roles.includes(role) : true;
}
