/**
 * The audit log (admins): newest first, paged with `before` (ms).
 */
import type { FastifyInstance } from 'fastify';
import { ADMIN_ONLY } from '../../auth/roles';
import { listAudit } from '../../db/audit-repo';
import type { RouteDeps } from '../deps';
import { adminRoutes } from '../../../shared/console-api';

/** Registers GET /api/admin/audit. */
export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get<{ Querystring: { before?: string; limit?: string } }>(
    adminRoutes.audit.pattern,
    { config: { access: ADMIN_ONLY } },
    async (request) => {
      const limit = Math.min(500, Math.max(1, Number(request.query.limit) || 100));
      const before = Number(request.query.before);
      return listAudit(deps.db, limit, Number.isFinite(before) && before > 0 ? before : undefined);
    },
  );
}
