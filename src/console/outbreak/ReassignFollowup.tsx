/** Hands a follow-up to another commune's health station (district roles: the person lives elsewhere). */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import type { Followup } from '../../shared/outbreak-api';
import { errorText } from './format';
import { CommunePicker } from './CommunePicker';

interface ReassignFollowupProps {
  followup: Followup;
  onDone: () => void;
}

/** A commune select and a button; the call lists of both communes change at once. */
export function ReassignFollowup({ followup, onDone }: ReassignFollowupProps) {
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<string | null>(null);
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
      <CommunePicker
        value={unitId}
        onChange={setUnitId}
        label={t('ob.reassignTo', { from: followup.unitName })}
        emptyLabel={t('ob.reassignPick')}
        name="reassignUnit"
        exclude={followup.unitId}
      />
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
