import type { RiskAssessment } from '../../shared/risk/evaluate';
import { t } from '../i18n/i18n';
import { riskLevel, riskLines } from './risk-words';
import type { RiskView } from './rules';
import './risk.css';

interface RiskNoticeProps {
  assessment: RiskAssessment;
  view: RiskView;
  /** The guard is told what to ask for; the visitor what to do. */
  audience: 'guard' | 'visitor';
  /**
   * An arrival was just saved with this risk: the notice says it is recorded and that the person waits at the
   * gate (the guard holds them there; the visitor shows this screen), so "do not go in" never reads as "not recorded".
   */
  recorded?: boolean;
}

/** A declaration's risk in words and colour, with the district's instruction and the health station's phone. */
export function RiskNotice({ assessment, view, audience, recorded }: RiskNoticeProps) {
  const level = riskLevel(assessment);
  const phone = view.healthPhone.trim();
  return (
    <div
      class={`risk-notice risk-${level}`}
      data-testid="risk-notice"
      data-level={level}
      role={level === 'risk' ? 'alert' : undefined}
    >
      {riskLines(assessment).map((line) => (
        <p class="risk-line" key={line}>
          {level === 'clear' ? '✓' : '⚠'} {line}
        </p>
      ))}
      {level === 'risk' && recorded && (
        <p class="risk-hold" data-testid="risk-hold">
          {t(audience === 'guard' ? 'risk.guardHold' : 'risk.visitorHold')}
        </p>
      )}
      {level === 'risk' && (
        <p class="risk-instruction" data-testid="risk-instruction">
          {view.instruction.trim() || t('risk.defaultInstruction')}
        </p>
      )}
      {level === 'risk' && phone && (
        <p class="risk-phone">
          {t('risk.phoneLabel')}{' '}
          <a class="risk-call" href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('risk.call', { phone })}>
            ☎ {phone}
          </a>
        </p>
      )}
      {level === 'stale' && (
        <p class="risk-advice">{t(audience === 'guard' ? 'risk.guardStaleAdvice' : 'risk.visitorStaleAdvice')}</p>
      )}
    </div>
  );
}
