/**
 * The dashboard (JSON) and its tables as CSV: communes, silent checkpoints, stale devices, daily counts.
 * Commune officers get their commune's figures only.
 */
import type { FastifyInstance } from 'fastify';
import { SOURCES } from '../../shared/protocol';
import { CHECKPOINT_STAFF, unitScope } from '../auth/roles';
import { buildDashboard, type Dashboard } from './dashboard-service';
import { toCsv, type Cell } from '../http/csv';
import { sendError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';
import { userOf } from '../routes/admin/context';

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/** Each exportable table: a header and its rows. */
const TABLES = new Map<string, (d: Dashboard) => { header: string[]; rows: Cell[][] }>(Object.entries({
  communes: (d) => ({
    header: ['commune', 'registered', 'active_7d', 'silent'],
    rows: d.communes.map((c) => [c.name, c.registered, c.active, c.registered - c.active]),
  }),
  silent: (d) => ({
    header: ['code', 'checkpoint', 'commune', 'contact_name', 'contact_phone', 'last_checkin', 'devices'],
    rows: d.silent.map((s) => [s.code, s.name, s.unitName, s.contactName, s.contactPhone, iso(s.lastCheckinAt), s.devices]),
  }),
  devices: (d) => ({
    header: ['device_id', 'label', 'checkpoint_code', 'checkpoint', 'commune', 'app_version', 'last_sync', 'clock_offset_s', 'pending_reported'],
    rows: d.staleDevices.map((x) => [
      x.id, x.label, x.checkpointCode, x.checkpointName, x.unitName, x.appVersion, iso(x.lastSyncAt),
      x.clockOffsetMs === null ? null : Math.round(x.clockOffsetMs / 1000), x.pendingReported,
    ]),
  }),
  daily: (d) => ({
    header: ['date', ...SOURCES, 'total'],
    rows: d.daily.map((day) => [day.date, ...SOURCES.map((s) => day.bySource[s] ?? 0), day.total]),
  }),
}));

/** Registers the dashboard routes. */
export function registerDashboardRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: CHECKPOINT_STAFF };
  app.get('/api/admin/dashboard', { config }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return buildDashboard(deps.db, deps.now(), unitScope(userOf(request)));
  });

  app.get<{ Params: { table: string } }>('/api/admin/dashboard/export/:table', { config }, async (request, reply) => {
    // A Map, not a plain object: `constructor`, `__proto__` or `toString` are unknown tables, not Object's methods.
    const table = TABLES.get(request.params.table);
    if (!table) return sendError(reply, 404, 'unknown_table', `Tables: ${[...TABLES.keys()].join(', ')}.`);
    const { header, rows } = table(await buildDashboard(deps.db, deps.now(), unitScope(userOf(request))));
    const date = new Date(deps.now()).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.params.table}-${date}.csv"`)
      .header('cache-control', 'no-store')
      .send(toCsv(header, rows));
  });
}
