/** Risk at the door in words: the lines a screen shows for an assessment, and how loud it should be. */
import type { RiskAssessment } from '../../shared/risk/evaluate';
import { localized, t } from '../i18n/i18n';
import '../i18n/dict-risk';

/** risk: a symptom or an exposure; stale: old, missing or unreadable declaration; clear: the only green. */
type RiskLevel = 'risk' | 'stale' | 'clear';

/** How loud the assessment is. */
export function riskLevel(a: RiskAssessment): RiskLevel {
  if (a.kinds.length > 0) return 'risk';
  return a.status === 'current' && !a.unknownAnswers ? 'clear' : 'stale';
}

/** The lines that say it: "Có triệu chứng: sốt, ho", "Tiếp xúc ca bệnh", "Khai báo đã cũ: 7 ngày trước"… */
export function riskLines(a: RiskAssessment): string[] {
  const lines: string[] = [];
  const symptoms = a.signals.filter((s) => s.kind === 'symptom').map((s) => localized(s.label));
  if (symptoms.length > 0) lines.push(t('risk.symptoms', { list: symptoms.join(', ') }));
  else if (a.kinds.includes('symptom')) lines.push(t('risk.symptomsUnread'));
  const exposures = a.signals.filter((s) => s.kind === 'exposure').map((s) => localized(s.label));
  lines.push(...exposures);
  if (exposures.length === 0 && a.kinds.includes('exposure')) lines.push(t('risk.exposureUnread'));
  if (a.status === 'stale')
    lines.push(a.ageDays === 1 ? t('risk.staleYesterday') : t('risk.stale', { days: a.ageDays ?? '?' }));
  if (a.status === 'missing') lines.push(t('risk.missing'));
  if (a.unknownAnswers && a.status !== 'missing') lines.push(t('risk.unknownAnswers'));
  if (lines.length === 0) lines.push(t('risk.clear'));
  return lines;
}
