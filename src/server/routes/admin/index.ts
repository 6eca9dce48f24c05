/**
 * Every console API route, behind the console gate (session, role, CSRF, Origin). Each route
 * declares the roles it admits in `config.access`; tests/server/console-route-matrix.test.ts holds
 * the expected matrix for every route of the app.
 */
import type { FastifyInstance } from 'fastify';
import { installConsoleGate } from '../../auth/console-guard';
import type { RouteDeps } from '../deps';
import { registerAuditRoutes } from './audit-routes';
import { registerCheckpointRoutes } from './checkpoint-routes';
import { registerConfigRoutes } from './config-routes';
import { registerDashboardRoutes } from '../../dashboard/dashboard-routes';
import { registerDeviceRoutes } from './device-routes';
import { registerPosterRoutes } from './poster-routes';
import { registerSessionRoutes } from './session-routes';
import { registerUnitRoutes } from './unit-routes';
import { registerUserRoutes } from './user-routes';
import { registerTraceRoutes } from '../../tracing/tracing-routes';

/** Installs the console gate and registers the console API. */
export function registerConsoleRoutes(app: FastifyInstance, deps: RouteDeps): void {
  installConsoleGate(app, deps.db, deps.publicUrl, deps.now);
  registerSessionRoutes(app, deps);
  registerCheckpointRoutes(app, deps);
  registerPosterRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerConfigRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerTraceRoutes(app, deps);
}
