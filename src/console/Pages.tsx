/** Picks the page for a console path. */
import { AuditPage } from './audit/AuditPage';
import { CheckpointPage } from './checkpoints/CheckpointPage';
import { CheckpointsPage } from './checkpoints/CheckpointsPage';
import { NewCheckpointPage } from './checkpoints/NewCheckpointPage';
import { QuestionnairePage } from './config/QuestionnairePage';
import { UnitsPage } from './config/UnitsPage';
import { UsersPage } from './config/UsersPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { DevicesPage } from './devices/DevicesPage';
import { t } from './i18n/i18n';
import { PosterPage } from './print/PosterPage';
import { TracingPage } from './tracing/TracingPage';
import { match } from '../browser/router';
import { outbreakPage } from './outbreak/routes';
import { adminRoutes, type ConsoleUser as User } from '../shared/console-api';
import { mayOpen } from './access';
import { NotForYou } from './NotForYou';

interface PagesProps {
  path: string;
  user: User;
}

/** The page for the path (or a not-found note). */
export function Pages({ path, user }: PagesProps) {
  const p = path.replace(/\/+$/, '') || '/console';
  // A page the server would refuse this role is never shown half-loaded: it says so and links home.
  if (!mayOpen(user.role, p)) return <NotForYou />;
  const outbreak = outbreakPage(p, user);
  if (outbreak) return outbreak;
  if (p === '/console') return user.role === 'tracer' ? <TracingPage /> : <DashboardPage />;
  if (p === '/console/checkpoints') return <CheckpointsPage user={user} />;
  if (p === '/console/checkpoints/new') return <NewCheckpointPage user={user} />;
  if (p === '/console/devices') return <DevicesPage />;
  if (p === '/console/units') return <UnitsPage />;
  if (p === '/console/questionnaire') return <QuestionnairePage />;
  if (p === '/console/users') return <UsersPage user={user} />;
  if (p === '/console/audit') return <AuditPage />;
  if (p === '/console/tracing') return <TracingPage />;
  let m = match('/console/checkpoints/:id', p);
  if (m?.id) return <CheckpointPage id={m.id} user={user} />;
  m = match('/console/posters/:id', p);
  if (m?.id) return <PosterPage route={adminRoutes.checkpointPoster} id={m.id} />;
  m = match('/console/posters/unit/:id', p);
  if (m?.id) return <PosterPage route={adminRoutes.unitPosters} id={m.id} />;
  return <p>{t('common.notFound')}</p>;
}
