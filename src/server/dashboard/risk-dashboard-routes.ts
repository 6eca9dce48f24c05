/** Risk at the door in the console: today's risk declarations per checkpoint and commune (officers: their commune). */
import type { FastifyInstance } from 'fastify';
import { RISK_DASHBOARD_PATH } from '../../shared/risk/dashboard-api';
import { CHECKPOINT_STAFF, unitScope } from '../auth/roles';
import { buildRiskDashboard } from './risk-dashboard-service';
import type { RouteDeps } from '../routes/deps';
import { userOf } from '../routes/admin/context';

/** Registers GET /api/admin/dashboard/risk. */
export function registerRiskDashboardRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(RISK_DASHBOARD_PATH, { config: { access: CHECKPOINT_STAFF } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return buildRiskDashboard(deps.db, deps.now(), unitScope(userOf(request)));
  });
}
