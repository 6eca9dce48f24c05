/**
 * The dashboard (JSON) and its tables as CSV: communes, silent checkpoints, stale devices, daily counts.
 * Commune officers get their commune's figures only.
 */
import type { FastifyInstance } from 'fastify';
import { SOURCES } from '../../shared/protocol';
import { CHECKPOINT_STAFF, unitScope } from '../auth/roles';
import { buildDashboard } from './dashboard-service';
import type { ConsoleDashboard } from '../../shared/console-api';
import { localDateStamp, toCsv, type Cell } from '../http/csv';
import { sendError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';
import { userOf } from '../routes/admin/context';
import { SOURCE_LABELS } from '../../shared/source-labels';
import { LOCAL_OFFSET_MS } from './dashboard-repo';
import { adminRoutes } from '../../shared/console-api';

/** A moment in Vietnam time, `dd/MM/yyyy HH:mm` (what a spreadsheet user reads). */
const local = (ms: number | null): string => {
  if (ms === null) return '';
  const d = new Date(ms + LOCAL_OFFSET_MS).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
};

/** Each exportable table: a header and its rows. */
const TABLES = new Map<string, (d: ConsoleDashboard) => { header: string[]; rows: Cell[][] }>(
  Object.entries({
    communes: (d) => ({
      header: ['Xã, thị trấn', 'Số chốt đăng ký', 'Có dữ liệu 7 ngày', 'Chốt im lặng'],
      rows: d.communes.map((c) => [c.name, c.registered, c.active, c.registered - c.active]),
    }),
    silent: (d) => ({
      header: [
        'Mã chốt',
        'Tên chốt',
        'Xã, thị trấn',
        'Người phụ trách',
        'Số điện thoại',
        'Lượt quét gần nhất',
        'Số thiết bị',
      ],
      rows: d.silent.map((s) => [
        s.code,
        s.name,
        s.unitName,
        s.contactName,
        s.contactPhone,
        local(s.lastCheckinAt),
        s.devices,
      ]),
    }),
    devices: (d) => ({
      header: [
        'Mã thiết bị',
        'Tên máy',
        'Mã chốt',
        'Tên chốt',
        'Xã, thị trấn',
        'Phiên bản',
        'Lần đồng bộ gần nhất',
        'Lệch đồng hồ (giây)',
        'Số lượt chờ gửi',
      ],
      rows: d.staleDevices.map((x) => [
        x.id,
        x.label,
        x.checkpointCode,
        x.checkpointName,
        x.unitName,
        x.appVersion,
        local(x.lastSyncAt),
        x.clockOffsetMs === null ? null : Math.round(x.clockOffsetMs / 1000),
        x.pendingReported,
      ]),
    }),
    daily: (d) => ({
      header: ['Ngày', ...SOURCES.map((s) => SOURCE_LABELS[s].vi), 'Tổng lượt quét'],
      rows: d.daily.map((day) => [day.date, ...SOURCES.map((s) => day.bySource[s] ?? 0), day.total]),
    }),
  }),
);

/** File names of the exports, Vietnamese without diacritics (safe in every file system). */
const FILE_NAMES: Record<string, string> = {
  communes: 'theo-xa',
  silent: 'chot-im-lang',
  devices: 'thiet-bi-khong-dong-bo',
  daily: 'luot-quet-theo-ngay',
};

/** Registers the dashboard routes. */
export function registerDashboardRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: CHECKPOINT_STAFF };
  app.get(adminRoutes.dashboard.pattern, { config }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return buildDashboard(deps.db, deps.now(), unitScope(userOf(request)));
  });

  app.get<{ Params: { table: string } }>(adminRoutes.dashboardExport.pattern, { config }, async (request, reply) => {
    // A Map, not a plain object: `constructor`, `__proto__` or `toString` are unknown tables, not Object's methods.
    const table = TABLES.get(request.params.table);
    if (!table) return sendError(reply, 404, 'unknown_table', `Tables: ${[...TABLES.keys()].join(', ')}.`);
    const { header, rows } = table(await buildDashboard(deps.db, deps.now(), unitScope(userOf(request))));
    const date = localDateStamp(deps.now());
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${FILE_NAMES[request.params.table] ?? request.params.table}-${date}.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(toCsv(header, rows));
  });
}
