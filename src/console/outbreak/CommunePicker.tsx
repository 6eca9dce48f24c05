/** A commune selector for district-wide roles, filled from the daily report's commune list. */
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { adminRoutes } from '../../shared/console-api';

export interface CommunePickerProps {
  value: string;
  onChange: (unitId: string) => void;
}

/** The select ('' = the whole district). */
export function CommunePicker({ value, onChange }: CommunePickerProps) {
  const report = useLoad(adminRoutes.outbreakReport);
  return (
    <label>
      {t('ob.commune')}
      <select name="unit" value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{t('ob.allCommunes')}</option>
        {report.data?.communes
          .filter((c) => c.unitId !== '')
          .map((c) => (
            <option key={c.unitId} value={c.unitId}>
              {c.unitName}
            </option>
          ))}
      </select>
    </label>
  );
}
