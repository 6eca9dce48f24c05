/** The case form: confirmation date and test, symptom onset or none, isolation place and start; registers the F0. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import { ISOLATION_PLACES, TEST_TYPES, type IsolationPlace, type TestType } from '../../shared/outbreak-api';
import { errorText, localInput } from './format';
import { WordSelect } from '../WordSelect';

interface RegisterCaseFormProps {
  personKeys: string[];
  name: string;
  /** A conversion: the follow-up whose contact becomes a case (posted there instead of a new case). */
  convertFollowup?: string;
  onDone?: (caseId: string) => void;
}

/** A tick box ("no symptoms", "isolated from the result") and, when it is not ticked, the time it stands for. */
function TimeUnlessTicked(p: {
  tickName: string;
  tickLabel: string;
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  timeName: string;
  timeLabel: string;
  time: string;
  onTime: (value: string) => void;
  hint?: string;
}) {
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          name={p.tickName}
          checked={p.ticked}
          onChange={(e) => p.onTick((e.target as HTMLInputElement).checked)}
        />
        {p.tickLabel}
      </label>
      {!p.ticked && (
        <label>
          {p.timeLabel}
          <input
            type="datetime-local"
            name={p.timeName}
            value={p.time}
            onInput={(e) => p.onTime((e.target as HTMLInputElement).value)}
          />
          {p.hint && <small>{p.hint}</small>}
        </label>
      )}
    </>
  );
}

/** The form; on success opens the new case's investigation. */
export function RegisterCaseForm({ personKeys, name, convertFollowup, onDone }: RegisterCaseFormProps) {
  const [confirmedAt, setConfirmedAt] = useState(localInput(Date.now()));
  const [testType, setTestType] = useState<TestType>('pcr');
  const [noSymptoms, setNoSymptoms] = useState(true);
  const [onset, setOnset] = useState(localInput(Date.now()));
  const [isolation, setIsolation] = useState<IsolationPlace>('centralised');
  const [isolatedAtConfirmation, setIsolatedAtConfirmation] = useState(true);
  const [isolatedAt, setIsolatedAt] = useState(localInput(Date.now()));
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      confirmedAt: new Date(confirmedAt).getTime(),
      testType,
      onsetAt: noSymptoms ? null : new Date(onset).getTime(),
      isolation,
      isolatedAt: isolatedAtConfirmation ? null : new Date(isolatedAt).getTime(),
    };
    try {
      const id = convertFollowup
        ? (await call(adminRoutes.outbreakFollowupConvert, { params: { id: convertFollowup }, body })).caseId
        : (await call(adminRoutes.outbreakCaseRegister, { body: { ...body, personKeys } })).id;
      if (onDone) onDone(id);
      else navigate(`/console/outbreak/cases/${id}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="inline-form ob-case-form" onSubmit={submit} data-testid="case-form">
      <p>
        <strong>{t(convertFollowup ? 'ob.convert' : 'ob.registerFor', { name })}</strong>
      </p>
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
        onTick={setNoSymptoms}
        timeName="onset"
        timeLabel={t('ob.onset')}
        time={onset}
        onTime={setOnset}
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
