/**
 * Every console API route (`/api/admin/*`) as one typed table: method, path pattern, answer and body
 * types. The console calls these (src/console/api.ts); tests/server/console-contract.test.ts checks
 * that the server registers each of them.
 */
import type { AdminCheckpoint, AdminDevice } from '../admin-api';
import type {
  AccountSummary,
  AuditEntry,
  ConsoleDashboard,
  AdministrativeUnit,
  DistrictSettings,
  EnrolLink,
  PersonRecord,
  Poster,
  SessionAnswer,
} from './answers';
import type { TraceRequest, TraceResult, ContactEntry, PublishNotices } from '../tracing-api';
import { TRACING_API } from '../tracing-api';
import type { Questionnaire, QueueImportRequest, QueueImportResponse } from '../protocol';
import { API } from '../protocol';
import type { RiskDashboard } from '../risk/dashboard-api';
import { RISK_DASHBOARD_PATH } from '../risk/dashboard-api';
import type * as v from 'valibot';
import type {
  CallList,
  CaseWindowSchema,
  Chain,
  ContactDecisionSchema,
  ConvertSchema,
  DailyReport,
  Followup,
  FollowupEntry,
  FollowupEntrySchema,
  Investigation,
  ManualContactSchema,
  OutbreakCase,
  OutbreakSettings,
  OutbreakSettingsSchema,
  ReassignSchema,
  RegisterCaseSchema,
  TraceChanges,
} from '../outbreak-api';
import { OUTBREAK_API } from '../outbreak-api';
import type {
  CheckpointCreateSchema,
  CheckpointFieldsSchema,
  EnrolLinkRequest,
  LoginSchema,
  PasswordSchema,
  UserCreateSchema,
} from './schemas';

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
type In<S extends v.GenericSchema> = v.InferInput<S>;

/** The console API, one entry per route. */
export const adminRoutes = {
  login: post<SessionAnswer, In<typeof LoginSchema>>('/api/admin/login'),
  session: get<SessionAnswer>('/api/admin/session'),
  logout: post<Ok>('/api/admin/logout'),
  password: post<Ok, In<typeof PasswordSchema>>('/api/admin/password'),
  users: get<AccountSummary[]>('/api/admin/users'),
  userCreate: post<AccountSummary, In<typeof UserCreateSchema>>('/api/admin/users'),
  userDisable: post<Ok>('/api/admin/users/:id/disable'),
  units: get<AdministrativeUnit[]>('/api/admin/units'),
  unitImport: post<{ created: number; renamed: number; unchanged: number }, { csv: string }>('/api/admin/units/import'),
  unitPosters: get<Poster[]>('/api/admin/units/:id/posters'),
  checkpoints: get<AdminCheckpoint[]>('/api/admin/checkpoints'),
  checkpoint: get<AdminCheckpoint>('/api/admin/checkpoints/:id'),
  checkpointCreate: post<AdminCheckpoint, In<typeof CheckpointCreateSchema>>('/api/admin/checkpoints'),
  checkpointUpdate: put<AdminCheckpoint, In<typeof CheckpointFieldsSchema>>('/api/admin/checkpoints/:id'),
  checkpointClose: post<AdminCheckpoint>('/api/admin/checkpoints/:id/close'),
  checkpointReopen: post<AdminCheckpoint>('/api/admin/checkpoints/:id/reopen'),
  checkpointEnrolmentLink: post<EnrolLink, EnrolLinkRequest>('/api/admin/checkpoints/:id/enrolment-links'),
  checkpointPoster: get<Poster>('/api/admin/checkpoints/:id/poster'),
  checkpointDoorLink: post<{ link: string; qrSvg: string }>('/api/admin/checkpoints/:id/door-links'),
  devices: get<AdminDevice[]>('/api/admin/devices'),
  deviceRevoke: post<Ok>('/api/admin/devices/:id/revoke'),
  /** One batch of a queue file a cut-off checkpoint exported (issue 14). */
  queueImport: post<QueueImportResponse, QueueImportRequest>(API.queueImport),
  questionnaire: get<Questionnaire>('/api/admin/questionnaire'),
  questionnaireSave: put<Questionnaire, { baseVersion: number; questions: Questionnaire['questions'] }>(
    '/api/admin/questionnaire',
  ),
  settings: get<DistrictSettings>('/api/admin/settings'),
  settingsSave: put<DistrictSettings, DistrictSettings>('/api/admin/settings'),
  audit: get<AuditEntry[]>('/api/admin/audit'),
  dashboard: get<ConsoleDashboard>('/api/admin/dashboard'),
  dashboardExport: get<string>('/api/admin/dashboard/export/:table'),
  /** Risk at the door: today's risk declarations per commune. */
  riskDashboard: get<RiskDashboard>(RISK_DASHBOARD_PATH),
  tracePersons: get<{ persons: PersonRecord[] }>(TRACING_API.persons),
  traceMerge: post<{ groupKey: string | null; personKeys: string[] }, { personKeys: string[] }>(TRACING_API.merge),
  traceUnmerge: post<Ok, { personKey: string }>(TRACING_API.unmerge),
  traceRun: post<TraceResult, TraceRequest>(TRACING_API.run),
  traceSecondRing: post<{ f2: ContactEntry[] }, TraceRequest>(TRACING_API.secondRing),
  /** The trace as an XLSX or CSV file (downloaded, not parsed). */
  traceExport: post<
    unknown,
    TraceRequest & {
      format: 'xlsx' | 'csv';
      part?: 'contacts' | 'zone';
      ring?: 'f1' | 'f2';
      caseName?: string;
    }
  >(TRACING_API.export),
  traceNoticesPublish: post<{ ids: string[] }, PublishNotices>(TRACING_API.notices),

  // Outbreak follow-up (cases, contacts, health-station calls, chain, daily report): src/shared/outbreak-api.ts.
  outbreakSettings: get<OutbreakSettings>(OUTBREAK_API.settings),
  outbreakSettingsSave: put<OutbreakSettings, In<typeof OutbreakSettingsSchema>>(OUTBREAK_API.settings),
  outbreakCases: get<{ cases: OutbreakCase[] }>(OUTBREAK_API.cases),
  outbreakCaseRegister: post<{ id: string }, In<typeof RegisterCaseSchema>>(OUTBREAK_API.cases),
  outbreakCase: get<Investigation>(`${OUTBREAK_API.cases}/:id`),
  outbreakCaseChanges: get<TraceChanges>(`${OUTBREAK_API.cases}/:id/changes`),
  outbreakCaseTakeIn: post<TraceChanges>(`${OUTBREAK_API.cases}/:id/take-in`),
  outbreakCaseWindow: put<Ok, In<typeof CaseWindowSchema>>(`${OUTBREAK_API.cases}/:id/window`),
  outbreakCaseContact: post<{ contactId: string; followupId: string }, In<typeof ManualContactSchema>>(
    `${OUTBREAK_API.cases}/:id/contacts`,
  ),
  outbreakContactDecision: post<{ followupId: string | null }, In<typeof ContactDecisionSchema>>(
    `${OUTBREAK_API.contacts}/:id/decision`,
  ),
  outbreakFollowups: get<CallList>(OUTBREAK_API.followups),
  outbreakFollowup: get<{ followup: Followup; entries: FollowupEntry[] }>(`${OUTBREAK_API.followups}/:id`),
  outbreakFollowupEntry: post<{ id: string; positive: boolean }, In<typeof FollowupEntrySchema>>(
    `${OUTBREAK_API.followups}/:id/entries`,
  ),
  outbreakFollowupReassign: post<Ok, In<typeof ReassignSchema>>(`${OUTBREAK_API.followups}/:id/reassign`),
  outbreakFollowupConvert: post<{ caseId: string }, In<typeof ConvertSchema>>(`${OUTBREAK_API.followups}/:id/convert`),
  outbreakChain: get<Chain>(OUTBREAK_API.chain),
  outbreakReport: get<DailyReport>(OUTBREAK_API.report),
  /** The daily report as an XLSX file (downloaded, not parsed). */
  outbreakReportXlsx: get<unknown>(OUTBREAK_API.reportXlsx),
} as const;

/** The concrete path of a route: parameters filled in (encoded), optional query string appended. */
export function adminPath(
  route: AdminRoute<unknown, unknown>,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
): string {
  const path = route.pattern.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const qs = Object.entries(query)
    .map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(val)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}
