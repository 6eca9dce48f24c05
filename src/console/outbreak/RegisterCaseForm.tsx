/** The case form: confirmation date and test, symptom onset or none, isolation place and start; registers the F0. */
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import {
  ISOLATION_PLACES,
  onsetProblem,
  TEST_TYPES,
  type IsolationPlace,
  type TestType,
} from '../../shared/outbreak-api';
import { errorText, localInput } from './format';
import { TimeUnlessTicked } from './TimeUnlessTicked';
import { WordSelect } from '../WordSelect';

/** What the form starts with; a conversion fills it from the call just recorded. */
export interface CaseFormStart {
  confirmedAt?: number;
  testType?: TestType;
  /** The symptoms the call recorded: the case is then not "no symptoms", and the onset is asked for. */
  symptoms?: string | null;
  isolation?: IsolationPlace;
}

interface RegisterCaseFormProps {
  personKeys: string[];
  name: string;
  /** A conversion: the follow-up whose contact becomes a case (posted there instead of a new case). */
  convertFollowup?: string;
  start?: CaseFormStart;
  onDone?: (caseId: string) => void;
}

/** A `datetime-local` value as a time, or null when it is empty or not a time. */
function timeOf(value: string): number | null {
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** The form; on success opens the new case's investigation. */
export function RegisterCaseForm({ personKeys, name, convertFollowup, start = {}, onDone }: RegisterCaseFormProps) {
  const symptoms = start.symptoms?.trim() || null;
  const [confirmedAt, setConfirmedAt] = useState(localInput(start.confirmedAt ?? Date.now()));
  const [testType, setTestType] = useState<TestType>(start.testType ?? 'pcr');
  const [noSymptoms, setNoSymptoms] = useState(symptoms === null);
  // The call gives no onset date: the field starts empty and the form asks for it rather than guessing "now".
  const [onset, setOnset] = useState(symptoms === null ? localInput(Date.now()) : '');
  const [isolation, setIsolation] = useState<IsolationPlace>(start.isolation ?? 'centralised');
  const [isolatedAtConfirmation, setIsolatedAtConfirmation] = useState(true);
  const [isolatedAt, setIsolatedAt] = useState(localInput(Date.now()));
  const [error, setError] = useState<string | null>(null);
  const [onsetError, setOnsetError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      confirmedAt: new Date(confirmedAt).getTime(),
      testType,
      asymptomatic: noSymptoms,
      onsetAt: noSymptoms ? null : timeOf(onset),
      isolation,
      isolatedAt: isolatedAtConfirmation ? null : new Date(isolatedAt).getTime(),
    };
    // The server refuses the same (onset_required); saying it here puts the sentence beside the field.
    const problem = onsetProblem(body);
    setOnsetError(problem ? t(`ob.err.${problem}`) : null);
    if (problem) return;
    try {
      const id = convertFollowup
        ? (await call(adminRoutes.outbreakFollowupConvert, { params: { id: convertFollowup }, body })).caseId
        : (await call(adminRoutes.outbreakCaseRegister, { body: { ...body, personKeys } })).id;
      if (onDone) onDone(id);
      else navigate(`/console/outbreak/cases/${id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code.startsWith('onset_')) setOnsetError(errorText(err));
      else setError(errorText(err));
    }
  };
  return (
    <form class="inline-form ob-case-form" onSubmit={submit} data-testid="case-form">
      <p>
        <strong>{t(convertFollowup ? 'ob.convert' : 'ob.registerFor', { name })}</strong>
      </p>
      {symptoms && !noSymptoms && (
        <p class="ob-from-call" data-testid="case-from-call">
          {t('ob.callSymptoms', { symptoms })}
        </p>
      )}
      <label>
        {t('ob.confirmedAt')}
        <input
          type="datetime-local"
          name="confirmedAt"
          value={confirmedAt}
          onInput={(e) => setConfirmedAt((e.target as HTMLInputElement).value)}
        />
      </label>
      <WordSelect
        label={t('ob.testType')}
        name="testType"
        value={testType}
        values={TEST_TYPES}
        word={(x) => t(`ob.test.${x}`)}
        onChange={setTestType}
      />
      <TimeUnlessTicked
        tickName="noSymptoms"
        tickLabel={t('ob.noSymptoms')}
        ticked={noSymptoms}
        onTick={(ticked) => (setNoSymptoms(ticked), setOnsetError(null))}
        timeName="onset"
        timeLabel={t('ob.onset')}
        time={onset}
        onTime={(value) => (setOnset(value), setOnsetError(null))}
        error={onsetError}
      />
      <WordSelect
        label={t('ob.isolation')}
        name="isolation"
        value={isolation}
        values={ISOLATION_PLACES}
        word={(x) => t(`ob.place.${x}`)}
        onChange={setIsolation}
      />
      <TimeUnlessTicked
        tickName="isolatedAtConfirmation"
        tickLabel={t('ob.isolatedAtConfirmation')}
        ticked={isolatedAtConfirmation}
        onTick={setIsolatedAtConfirmation}
        timeName="isolatedAt"
        timeLabel={t('ob.isolatedAt')}
        time={isolatedAt}
        onTime={setIsolatedAt}
        hint={t('ob.isolatedHint')}
      />
      <button type="submit">{t(convertFollowup ? 'ob.convert' : 'ob.register')}</button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
