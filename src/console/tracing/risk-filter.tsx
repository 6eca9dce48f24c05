/**
 * Risk at the door in tracing: the contact's declared risk in words and the "only people with symptoms/risk" filter.
 */
import { t } from '../i18n/i18n';
import type { ContactEntry as Contact } from '../../shared/console-api';
import '../dashboard/risk-panel.css';

/** "Có triệu chứng · Yếu tố dịch tễ", or '' when the contact declared no risk. */
export function riskWords(c: Contact): string {
  if (!c.risk) return '';
  return c.risk.kinds.map((k) => t(k === 'symptom' ? 'risk.trace.symptom' : 'risk.trace.exposure')).join(' · ');
}

/** The contacts to list: all, or only those who declared a symptom or an exposure. */
export function withRiskFilter(contacts: Contact[], riskOnly: boolean): Contact[] {
  return riskOnly ? contacts.filter((c) => (c.risk?.kinds.length ?? 0) > 0) : contacts;
}

interface RiskOnlyToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** The filter's checkbox above the F1 list. */
export function RiskOnlyToggle({ checked, onChange }: RiskOnlyToggleProps) {
  return (
    <label class="inline no-print">
      <input
        type="checkbox"
        name="riskOnly"
        data-testid="risk-only"
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />{' '}
      {t('risk.trace.only')}
    </label>
  );
}
