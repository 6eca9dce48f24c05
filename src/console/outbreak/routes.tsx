/** The outbreak pages by console path (Pages.tsx asks here first). */
import type { JSX } from 'preact';
import { match } from '../../browser/router';
import type { ConsoleUser as User } from '../../shared/console-api';
import { CallListPage } from './CallListPage';
import { ChainPage } from './ChainPage';
import { InvestigationPage } from './InvestigationPage';
import { OutbreakPage } from './OutbreakPage';
import { ReportPage } from './ReportPage';
import './outbreak.css';

/** The page for an outbreak path, or null when the path is not one. */
export function outbreakPage(path: string, user: User): JSX.Element | null {
  const district = user.role !== 'officer';
  if (path === '/console/outbreak' && district) return <OutbreakPage user={user} />;
  if (path === '/console/outbreak/calls') return <CallListPage user={user} />;
  if (path === '/console/outbreak/report') return <ReportPage />;
  if (path === '/console/outbreak/chain' && district) return <ChainPage />;
  const m = match('/console/outbreak/cases/:id', path);
  if (m?.id && district) return <InvestigationPage id={m.id} />;
  return null;
}

/** Navigation entries of the outbreak pages. */
export const OUTBREAK_NAV = [
  { path: '/console/outbreak', label: 'nav.outbreak', roles: ['admin', 'tracer'] },
  { path: '/console/outbreak/calls', label: 'nav.calls', roles: ['admin', 'tracer', 'officer'] },
  { path: '/console/outbreak/chain', label: 'nav.chain', roles: ['admin', 'tracer'] },
  { path: '/console/outbreak/report', label: 'nav.report', roles: ['admin', 'tracer', 'officer'] },
] as const;
