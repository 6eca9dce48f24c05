/** Risk at the door: the district settings for declarations (validity, instruction, health station phone). */
import { t } from '../i18n/i18n';

/** The risk settings as the form edits them. */
interface RiskSettings {
  declarationValidDays: number;
  riskInstruction: string;
  healthPhone: string;
}

interface RiskSettingsFieldsProps {
  value: RiskSettings;
  onChange: (value: RiskSettings) => void;
}

/** The risk settings' fields inside the district settings form. */
export function RiskSettingsFields({ value, onChange }: RiskSettingsFieldsProps) {
  return (
    <fieldset class="risk-settings" data-testid="risk-settings">
      <legend>{t('risk.settings.title')}</legend>
      <label>
        {t('risk.settings.validDays')}
        <input
          type="number"
          name="declarationValidDays"
          min={1}
          max={30}
          value={value.declarationValidDays}
          onInput={(e) => onChange({ ...value, declarationValidDays: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('risk.settings.instruction')}
        <textarea
          name="riskInstruction"
          rows={3}
          maxLength={500}
          placeholder={t('risk.settings.instructionPlaceholder')}
          value={value.riskInstruction}
          onInput={(e) => onChange({ ...value, riskInstruction: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('risk.settings.phone')}
        <input
          type="tel"
          inputMode="tel"
          name="healthPhone"
          maxLength={40}
          value={value.healthPhone}
          onInput={(e) => onChange({ ...value, healthPhone: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}
