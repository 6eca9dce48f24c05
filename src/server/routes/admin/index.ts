/**
 * Every console API route, behind the console gate (session, role, CSRF, Origin). Each route
 * declares the roles it admits in `config.access`; tests/server/console-route-matrix.test.ts holds
 * the expected matrix for every route of the app.
 */
import type { FastifyInstance } from 'fastify';
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
import { registerTracingRoutes } from '../../tracing/tracing-routes';
import { registerOutbreakRoutes } from '../../outbreak/outbreak-routes';
import { registerRiskDashboardRoutes } from '../../dashboard/risk-dashboard-routes';
import { registerQueueImportRoutes } from './queue-import-routes';

/** Registers the console API (the gate was installed by buildApp before any route: auth/console-guard.ts). */
export function registerConsoleRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerSessionRoutes(app, deps);
  registerCheckpointRoutes(app, deps);
  registerPosterRoutes(app, deps);
  registerDeviceRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerConfigRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerTracingRoutes(app, deps);
  registerOutbreakRoutes(app, deps);
  registerRiskDashboardRoutes(app, deps);
  registerQueueImportRoutes(app, deps);
}
