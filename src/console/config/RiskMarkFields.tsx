/**
 * Risk at the door in the questionnaire editor: whether a yes is a risk signal, of which kind, in which short words.
 */
import { t } from '../i18n/i18n';
import type { QuestionDraft } from './question-draft';

interface RiskMarkFieldsProps {
  draft: QuestionDraft;
  onChange: (draft: QuestionDraft) => void;
}

/** The risk mark of a yes/no question. */
export function RiskMarkFields({ draft, onChange }: RiskMarkFieldsProps) {
  return (
    <div class="grid3 risk-mark" data-testid="risk-mark">
      <label>
        {t('risk.q.mark')}
        <select
          name="risk"
          value={draft.risk}
          onChange={(e) => onChange({ ...draft, risk: e.currentTarget.value as QuestionDraft['risk'] })}
        >
          <option value="">{t('risk.q.none')}</option>
          <option value="symptom">{t('risk.q.symptom')}</option>
          <option value="exposure">{t('risk.q.exposure')}</option>
        </select>
      </label>
      {draft.risk && (
        <label>
          {t('risk.q.short')}
          <input
            name="riskLabelVi"
            maxLength={60}
            value={draft.riskLabelVi}
            onInput={(e) => onChange({ ...draft, riskLabelVi: e.currentTarget.value })}
          />
        </label>
      )}
      {draft.risk && (
        <label>
          {t('risk.q.shortEn')}
          <input
            name="riskLabelEn"
            maxLength={60}
            value={draft.riskLabelEn}
            onInput={(e) => onChange({ ...draft, riskLabelEn: e.currentTarget.value })}
          />
        </label>
      )}
    </div>
  );
}
