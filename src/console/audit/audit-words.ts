/** The audit log in words: each action as a sentence, each detail as "label: value", in the console's language. */
import { getLang, t } from '../i18n/i18n';
import type { ConsoleKey } from '../i18n/dict';
import { REASONS, reasonText } from '../../shared/reasons';

/** Dictionary key of each audited action (`checkpoint.close` → "Đóng chốt"). Adding an action is one line. */
const ACTIONS: Record<string, ConsoleKey> = {
  'checkpoint.create': 'audit.a.checkpoint.create',
  'checkpoint.update': 'audit.a.checkpoint.update',
  'checkpoint.close': 'audit.a.checkpoint.close',
  'checkpoint.reopen': 'audit.a.checkpoint.reopen',
  'console.refused': 'audit.a.console.refused',
  'device.enrolment_link': 'audit.a.device.enrolment_link',
  'device.revoke': 'audit.a.device.revoke',
  'device.queue_import': 'audit.a.device.queue_import',
  'door_screen.link': 'audit.a.door_screen.link',
  'outbreak.settings': 'audit.a.outbreak.settings',
  'outbreak.cases_view': 'audit.a.outbreak.cases_view',
  'outbreak.case_register': 'audit.a.outbreak.case_register',
  'outbreak.investigation_view': 'audit.a.outbreak.investigation_view',
  'outbreak.changes_view': 'audit.a.outbreak.changes_view',
  'outbreak.take_in': 'audit.a.outbreak.take_in',
  'outbreak.window': 'audit.a.outbreak.window',
  'outbreak.contact_manual': 'audit.a.outbreak.contact_manual',
  'outbreak.contact_confirm': 'audit.a.outbreak.contact_confirm',
  'outbreak.contact_dismiss': 'audit.a.outbreak.contact_dismiss',
  'outbreak.call_list_view': 'audit.a.outbreak.call_list_view',
  'outbreak.followup_view': 'audit.a.outbreak.followup_view',
  'outbreak.entry': 'audit.a.outbreak.entry',
  'outbreak.reassign': 'audit.a.outbreak.reassign',
  'outbreak.convert': 'audit.a.outbreak.convert',
  'outbreak.chain_view': 'audit.a.outbreak.chain_view',
  'outbreak.report_view': 'audit.a.outbreak.report_view',
  'outbreak.report_export': 'audit.a.outbreak.report_export',
  'questionnaire.save': 'audit.a.questionnaire.save',
  'session.login': 'audit.a.session.login',
  'session.login_failed': 'audit.a.session.login_failed',
  'session.logout': 'audit.a.session.logout',
  'settings.update': 'audit.a.settings.update',
  'trace.export': 'audit.a.trace.export',
  'trace.merge': 'audit.a.trace.merge',
  'trace.unmerge': 'audit.a.trace.unmerge',
  'trace.publish_notices': 'audit.a.trace.publish_notices',
  'trace.search': 'audit.a.trace.search',
  'trace.view': 'audit.a.trace.view',
  'trace.view_f2': 'audit.a.trace.view_f2',
  'trace.withdraw_notice': 'audit.a.trace.withdraw_notice',
  'unit.import': 'audit.a.unit.import',
  'user.create': 'audit.a.user.create',
  'user.disable': 'audit.a.user.disable',
  'user.password': 'audit.a.user.password',
  'user.password_failed': 'audit.a.user.password_failed',
};

/** Labels of the detail fields the server writes. */
const FIELDS: Record<string, ConsoleKey> = {
  code: 'audit.f.code',
  checkpoint: 'audit.f.code',
  expiresHours: 'audit.f.expiresHours',
  personKey: 'audit.f.person',
  personKeys: 'audit.f.people',
  count: 'audit.f.count',
  query: 'audit.f.query',
  questions: 'audit.f.questions',
  role: 'audit.f.role',
  windows: 'audit.f.windows',
  format: 'audit.f.format',
  ring: 'audit.f.ring',
  part: 'audit.f.part',
  keys: 'audit.f.people',
  visits: 'audit.f.visits',
  from: 'audit.f.from',
  to: 'audit.f.to',
  bufferMin: 'audit.f.bufferMin',
  fields: 'audit.f.fields',
  reason: 'audit.f.reason',
  status: 'audit.f.status',
  method: 'audit.f.method',
  route: 'audit.f.route',
  added: 'audit.f.added',
  removed: 'audit.f.removed',
  relationship: 'audit.f.relationship',
  entries: 'audit.f.entries',
  reached: 'audit.f.reached',
  test: 'audit.f.test',
  caseId: 'audit.f.caseId',
  nodes: 'audit.f.nodes',
  edges: 'audit.f.edges',
  day: 'audit.f.day',
  communes: 'audit.f.communes',
  withReason: 'audit.f.withReason',
};

/** Words for the values of coded fields: a relationship, the fields a search used, an export's part and ring. */
const VALUES: Record<string, Record<string, ConsoleKey>> = {
  relationship: {
    household: 'audit.v.household',
    work: 'audit.v.work',
    social: 'audit.v.social',
    care: 'audit.v.care',
    other: 'audit.v.other',
  },
  fields: { id: 'audit.v.id', phone: 'audit.v.phone', name: 'audit.v.name', birthYear: 'audit.v.birthYear' },
  part: { contacts: 'audit.v.contacts', zone: 'audit.v.zone' },
  ring: { f1: 'audit.v.f1', f2: 'audit.v.f2' },
};

/** A coded value in words (a code with no words keeps itself). */
function codeInWords(field: string, value: unknown): string {
  const key = typeof value === 'string' ? VALUES[field]?.[value] : undefined;
  return key ? t(key) : String(value);
}

/** Fields whose label depends on the action (a refused request's `code` is a reason, not a checkpoint). */
const FIELDS_BY_ACTION: Record<string, Record<string, ConsoleKey>> = {
  'console.refused': { code: 'audit.f.reason', times: 'audit.f.refusedTimes', windowMin: 'audit.f.refusedWindow' },
  'outbreak.reassign': { from: 'audit.f.fromUnit', to: 'audit.f.toUnit' },
};

/** An audited action in words (unknown actions keep their code). */
export function actionInWords(action: string): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}

function valueInWords(field: string, value: unknown, action?: string): string {
  if (action === 'console.refused' && field === 'code' && typeof value === 'string')
    return reasonText(value, getLang());
  // A reason the server gave (a failed sign-in's `bad_credentials`) in the sentence people read.
  if (field === 'reason' && typeof value === 'string' && Object.hasOwn(REASONS, value))
    return reasonText(value, getLang());
  if ((field === 'from' || field === 'to') && typeof value === 'number' && action !== 'outbreak.reassign')
    return new Date(value).toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB');
  if (field === 'role' && (value === 'admin' || value === 'officer' || value === 'tracer')) return t(`role.${value}`);
  if (Array.isArray(value))
    return field === 'windows'
      ? String(value.length)
      : value.map((v) => (typeof v === 'object' ? '…' : codeInWords(field, v))).join(', ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  return codeInWords(field, value);
}

/**
 * The detail of an entry as readable "label: value" parts (never raw JSON); `action` picks labels that depend on it.
 */
export function detailInWords(detail: Record<string, unknown> | null, action?: string): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([field, value]) => {
      const key = (action ? FIELDS_BY_ACTION[action]?.[field] : undefined) ?? FIELDS[field];
      return `${key ? t(key) : field}: ${valueInWords(field, value, action)}`;
    })
    .join(' · ');
}
