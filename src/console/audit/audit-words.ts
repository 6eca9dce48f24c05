/** The audit log in words: each action as a sentence, each detail as "label: value", in the console's language. */
import { t } from '../i18n/i18n';
import type { ConsoleKey } from '../i18n/dict';

/** Dictionary key of each audited action (`checkpoint.close` → "Đóng chốt"). Adding an action is one line. */
const ACTIONS: Record<string, ConsoleKey> = {
  'checkpoint.create': 'audit.a.checkpoint.create',
  'checkpoint.update': 'audit.a.checkpoint.update',
  'checkpoint.close': 'audit.a.checkpoint.close',
  'checkpoint.reopen': 'audit.a.checkpoint.reopen',
  'device.enrolment_link': 'audit.a.device.enrolment_link',
  'device.revoke': 'audit.a.device.revoke',
  'door_screen.link': 'audit.a.door_screen.link',
  'questionnaire.save': 'audit.a.questionnaire.save',
  'session.login': 'audit.a.session.login',
  'session.logout': 'audit.a.session.logout',
  'settings.update': 'audit.a.settings.update',
  'trace.export': 'audit.a.trace.export',
  'trace.merge': 'audit.a.trace.merge',
  'trace.unmerge': 'audit.a.trace.unmerge',
  'trace.publish_notices': 'audit.a.trace.publish_notices',
  'trace.search': 'audit.a.trace.search',
  'trace.view': 'audit.a.trace.view',
  'trace.withdraw_notice': 'audit.a.trace.withdraw_notice',
  'unit.import': 'audit.a.unit.import',
  'user.create': 'audit.a.user.create',
  'user.disable': 'audit.a.user.disable',
  'user.password': 'audit.a.user.password',
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
};

/** An audited action in words (unknown actions keep their code). */
export function actionInWords(action: string): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}

function valueInWords(field: string, value: unknown): string {
  if (field === 'role' && (value === 'admin' || value === 'officer' || value === 'tracer')) return t(`role.${value}`);
  if (Array.isArray(value)) return field === 'windows' ? String(value.length) : value.map((v) => (typeof v === 'object' ? '…' : String(v))).join(', ');
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  return String(value);
}

/** The detail of an entry as readable "label: value" parts (never raw JSON). */
export function detailInWords(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([field, value]) => `${FIELDS[field] ? t(FIELDS[field]) : field}: ${valueInWords(field, value)}`)
    .join(' · ');
}
