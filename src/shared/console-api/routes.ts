/**
 * Every console API route (`/api/admin/*`) as one typed table: method, path pattern, answer and body
 * types. The console calls these (src/console/api.ts); tests/server/console-contract.test.ts checks
 * that the server registers each of them.
 */
import type { AdminCheckpoint, AdminDevice } from '../admin-api';
import type { AccountSummary, AuditEntry, ConsoleDashboard, ConsoleUnit, DistrictSettings, EnrolLink, PersonRecord, Poster, SessionAnswer } from './answers';
import type { TraceRequest, TraceResult, ContactEntry, PublishNotices } from '../trace-api';
import type { Questionnaire } from '../protocol';

/** One console route: what to call and, as phantom types, what it takes and answers. */
export interface AdminRoute<Answer, Body = undefined> {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Fastify-style pattern, `:name` for a path parameter. */
  readonly pattern: string;
  /** Phantom: never set, only carries the types. */
  readonly types?: { answer: Answer; body: Body };
}

const get = <A>(pattern: string): AdminRoute<A> => ({ method: 'GET', pattern });
const post = <A, B = undefined>(pattern: string): AdminRoute<A, B> => ({ method: 'POST', pattern });
const put = <A, B>(pattern: string): AdminRoute<A, B> => ({ method: 'PUT', pattern });

type Ok = { ok: true };

/** The console API, one entry per route. */
export const adminRoutes = {
  login: post<SessionAnswer, { username: string; password: string }>('/api/admin/login'),
  session: get<SessionAnswer>('/api/admin/session'),
  logout: post<Ok>('/api/admin/logout'),
  password: post<Ok, { current: string; next: string }>('/api/admin/password'),
  users: get<AccountSummary[]>('/api/admin/users'),
  userCreate: post<AccountSummary, unknown>('/api/admin/users'),
  userDisable: post<Ok>('/api/admin/users/:id/disable'),
  units: get<ConsoleUnit[]>('/api/admin/units'),
  unitImport: post<{ created: number; renamed: number; unchanged: number }, { csv: string }>('/api/admin/units/import'),
  unitPosters: get<Poster[]>('/api/admin/units/:id/posters'),
  checkpoints: get<AdminCheckpoint[]>('/api/admin/checkpoints'),
  checkpoint: get<AdminCheckpoint>('/api/admin/checkpoints/:id'),
  checkpointCreate: post<AdminCheckpoint, unknown>('/api/admin/checkpoints'),
  checkpointUpdate: put<AdminCheckpoint, unknown>('/api/admin/checkpoints/:id'),
  checkpointClose: post<AdminCheckpoint>('/api/admin/checkpoints/:id/close'),
  checkpointReopen: post<AdminCheckpoint>('/api/admin/checkpoints/:id/reopen'),
  checkpointEnrolmentLink: post<EnrolLink, { expiresHours: number }>('/api/admin/checkpoints/:id/enrolment-links'),
  checkpointPoster: get<Poster>('/api/admin/checkpoints/:id/poster'),
  checkpointDoorLink: post<{ link: string; qrSvg: string }>('/api/admin/checkpoints/:id/door-links'),
  devices: get<AdminDevice[]>('/api/admin/devices'),
  deviceRevoke: post<Ok>('/api/admin/devices/:id/revoke'),
  questionnaire: get<Questionnaire>('/api/admin/questionnaire'),
  questionnaireSave: put<Questionnaire, { baseVersion: number; questions: Questionnaire['questions'] }>('/api/admin/questionnaire'),
  settings: get<DistrictSettings>('/api/admin/settings'),
  settingsSave: put<DistrictSettings, DistrictSettings>('/api/admin/settings'),
  audit: get<AuditEntry[]>('/api/admin/audit'),
  dashboard: get<ConsoleDashboard>('/api/admin/dashboard'),
  dashboardExport: get<string>('/api/admin/dashboard/export/:table'),
  tracePersons: get<{ persons: PersonRecord[] }>('/api/admin/trace/persons'),
  traceMerge: post<unknown, { personKeys: string[] }>('/api/admin/trace/merge'),
  traceUnmerge: post<unknown, { personKey: string }>('/api/admin/trace/unmerge'),
  traceRun: post<TraceResult, TraceRequest>('/api/admin/trace/run'),
  traceSecondRing: post<{ f2: ContactEntry[] }, TraceRequest>('/api/admin/trace/f2'),
  traceExport: post<unknown, TraceRequest & { format: 'xlsx' | 'csv'; part?: 'contacts' | 'zone'; ring?: 'f1' | 'f2' }>('/api/admin/trace/export'),
  traceNotices: get<{ notices: unknown[] }>('/api/admin/trace/notices'),
  traceNoticesPublish: post<{ ids: string[] }, PublishNotices>('/api/admin/trace/notices'),
} as const;

export type AdminRouteName = keyof typeof adminRoutes;

/** The concrete path of a route: parameters filled in (encoded), optional query string appended. */
export function adminPath(route: AdminRoute<unknown, unknown>, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const path = route.pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const qs = Object.entries(query)
    .map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(val)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}


