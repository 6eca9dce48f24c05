/** A commune selector filled from the daily report's commune list (filters, and where a contact is followed). */
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { adminRoutes } from '../../shared/console-api';

interface CommunePickerProps {
  value: string;
  onChange: (unitId: string) => void;
  /** The label (default: "Xã / thị trấn"). */
  label?: string;
  /** What '' stands for (default: the whole district). */
  emptyLabel?: string;
  /** The select's form name (default `unit`). */
  name?: string;
  /** A commune left out of the list (the one a follow-up is in already). */
  exclude?: string;
}

/** The select. */
export function CommunePicker({
  value,
  onChange,
  label = t('ob.commune'),
  emptyLabel = t('ob.allCommunes'),
  name = 'unit',
  exclude,
}: CommunePickerProps) {
  const report = useLoad(adminRoutes.outbreakReport);
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{emptyLabel}</option>
        {report.data?.communes
          .filter((c) => c.unitId !== '' && c.unitId !== exclude)
          .map((c) => (
            <option key={c.unitId} value={c.unitId}>
              {c.unitName}
            </option>
          ))}
      </select>
    </label>
  );
}
