/** A select of the district's communes for where a contact is followed (decision table, typed-in contact). */
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { adminRoutes } from '../../shared/console-api';

/** The commune to follow a contact in, asked when neither address, checkpoint nor case gives one. */
export function UnitChoice({
  value,
  onChange,
  emptyLabel = t('ob.reassignPick'),
}: {
  value: string;
  onChange: (unitId: string) => void;
  emptyLabel?: string;
}) {
  const report = useLoad(adminRoutes.outbreakReport);
  return (
    <label>
      {t('ob.followIn')}
      <select name="followUnit" value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{emptyLabel}</option>
        {(report.data?.communes ?? [])
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
