/** The case form: confirmation date and test, symptom onset or none, isolation place; registers the F0. */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { navigate } from '../router';
import { ISOLATION_PLACES, OUTBREAK_API, TEST_TYPES, type IsolationPlace, type TestType } from '../../shared/outbreak-api';
import { errorText, localInput } from './format';

export interface RegisterCaseFormProps {
  personKeys: string[];
  name: string;
  /** Where to send the answer (a conversion posts to the follow-up instead). */
  action?: string;
  onDone?: (caseId: string) => void;
}

/** The form; on success opens the new case's investigation. */
export function RegisterCaseForm({ personKeys, name, action, onDone }: RegisterCaseFormProps) {
  const [confirmedAt, setConfirmedAt] = useState(localInput(Date.now()));
  const [testType, setTestType] = useState<TestType>('pcr');
  const [noSymptoms, setNoSymptoms] = useState(true);
  const [onset, setOnset] = useState(localInput(Date.now()));
  const [isolation, setIsolation] = useState<IsolationPlace>('centralised');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { personKeys, confirmedAt: new Date(confirmedAt).getTime(), testType, onsetAt: noSymptoms ? null : new Date(onset).getTime(), isolation };
    try {
      const res = await api<{ id?: string; caseId?: string }>('POST', action ?? OUTBREAK_API.cases, body);
      const id = res.id ?? res.caseId ?? '';
      if (onDone) onDone(id);
      else navigate(`/console/outbreak/cases/${id}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="inline-form ob-case-form" onSubmit={submit} data-testid="case-form">
      <p><strong>{t(action ? 'ob.convert' : 'ob.registerFor', { name })}</strong></p>
      <label>{t('ob.confirmedAt')}<input type="datetime-local" name="confirmedAt" value={confirmedAt} onInput={(e) => setConfirmedAt((e.target as HTMLInputElement).value)} /></label>
      <label>{t('ob.testType')}
        <select name="testType" value={testType} onChange={(e) => setTestType((e.target as HTMLSelectElement).value as TestType)}>
          {TEST_TYPES.map((x) => <option key={x} value={x}>{t(`ob.test.${x}`)}</option>)}
        </select>
      </label>
      <label class="check"><input type="checkbox" name="noSymptoms" checked={noSymptoms} onChange={(e) => setNoSymptoms((e.target as HTMLInputElement).checked)} />{t('ob.noSymptoms')}</label>
      {!noSymptoms && <label>{t('ob.onset')}<input type="datetime-local" name="onset" value={onset} onInput={(e) => setOnset((e.target as HTMLInputElement).value)} /></label>}
      <label>{t('ob.isolation')}
        <select name="isolation" value={isolation} onChange={(e) => setIsolation((e.target as HTMLSelectElement).value as IsolationPlace)}>
          {ISOLATION_PLACES.map((x) => <option key={x} value={x}>{t(`ob.place.${x}`)}</option>)}
        </select>
      </label>
      <button type="submit">{t(action ? 'ob.convert' : 'ob.register')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
