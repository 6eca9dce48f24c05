/** Hands a follow-up to another commune's health station (district roles: the person lives elsewhere). */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import type { Followup } from '../../shared/outbreak-api';
import { errorText } from './format';

export interface ReassignFollowupProps {
  followup: Followup;
  onDone: () => void;
}

/** A commune select and a button; the call lists of both communes change at once. */
export function ReassignFollowup({ followup, onDone }: ReassignFollowupProps) {
  const report = useLoad(adminRoutes.outbreakReport);
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const others = (report.data?.communes ?? []).filter((c) => c.unitId !== '' && c.unitId !== followup.unitId);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!unitId) return;
    try {
      await call(adminRoutes.outbreakFollowupReassign, { params: { id: followup.id }, body: { unitId } });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="inline-form ob-reassign" onSubmit={submit} data-testid="ob-reassign">
      <label>
        {t('ob.reassignTo', { from: followup.unitName })}
        <select name="reassignUnit" value={unitId} onChange={(e) => setUnitId((e.target as HTMLSelectElement).value)}>
          <option value="">{t('ob.reassignPick')}</option>
          {others.map((c) => (
            <option key={c.unitId} value={c.unitId}>
              {c.unitName}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!unitId}>
        {t('ob.reassignDo')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
