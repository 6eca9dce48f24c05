/**
 * Quick entry of one day's call: reached, symptoms, test and result, where, note; a positive result offers conversion.
 */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import {
  ISOLATION_PLACES,
  TEST_RESULTS,
  TEST_TYPES,
  type CallListRow,
  type FollowupEntryInput,
} from '../../shared/outbreak-api';
import { clearDraft, loadDraft, saveDraft } from '../drafts';
import { errorText } from './format';
import { RegisterCaseForm, type CaseFormStart } from './RegisterCaseForm';

interface CallEntryFormProps {
  row: CallListRow;
  onSaved: () => void;
}

/** The sessionStorage key of a follow-up's unsaved call (kept across a new sign-in, cleared once saved). */
export function callDraftKey(followupId: string): string {
  return `call.${followupId}`;
}

/** What the conversion form starts with after a positive call: its time, test, symptoms and place. */
function caseStartOf(entry: FollowupEntryInput, at: number): CaseFormStart {
  return {
    confirmedAt: at,
    ...(entry.testType ? { testType: entry.testType } : {}),
    symptoms: entry.symptoms ?? null,
    ...(entry.location ? { isolation: entry.location } : {}),
  };
}

/** The form. */
export function CallEntryForm({ row, onSaved }: CallEntryFormProps) {
  const draftKey = callDraftKey(row.id);
  const [e, setEntry] = useState<FollowupEntryInput>(
    () =>
      loadDraft<FollowupEntryInput>(draftKey) ?? {
        reached: true,
        symptoms: null,
        testType: null,
        testResult: null,
        location: 'home',
        note: null,
      },
  );
  const setE = (next: FollowupEntryInput) => {
    setEntry(next);
    saveDraft(draftKey, next);
  };
  const [error, setError] = useState<string | null>(null);
  const [positive, setPositive] = useState<CaseFormStart | null>(null);
  const save = async (ev: Event) => {
    ev.preventDefault();
    try {
      const res = await call(adminRoutes.outbreakFollowupEntry, { params: { id: row.id }, body: e });
      clearDraft(draftKey);
      if (res.positive) setPositive(caseStartOf(e, Date.now()));
      else onSaved();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const sel = <K extends 'testType' | 'testResult' | 'location'>(
    k: K,
    label: string,
    values: readonly string[],
    text: (v: string) => string,
    none?: string,
  ) => (
    <label>
      {label}
      <select
        name={k}
        value={e[k] ?? ''}
        onChange={(x) => setE({ ...e, [k]: (x.target as HTMLSelectElement).value || null })}
      >
        {none !== undefined && <option value="">{none}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );
  if (positive) {
    return (
      <div class="ob-positive">
        <p role="alert">{t('ob.positiveHint')}</p>
        <RegisterCaseForm personKeys={[]} name={row.name} convertFollowup={row.id} start={positive} onDone={onSaved} />
      </div>
    );
  }
  return (
    <form class="ob-entry" onSubmit={save}>
      <fieldset>
        <label class="check">
          <input type="radio" name="reached" checked={e.reached} onChange={() => setE({ ...e, reached: true })} />
          {t('ob.reached')}
        </label>
        <label class="check">
          <input type="radio" name="reached" checked={!e.reached} onChange={() => setE({ ...e, reached: false })} />
          {t('ob.notReached')}
        </label>
      </fieldset>
      <label>
        {t('ob.symptoms')}
        <input
          name="symptoms"
          value={e.symptoms ?? ''}
          onInput={(x) => setE({ ...e, symptoms: (x.target as HTMLInputElement).value || null })}
        />
      </label>
      {sel('testType', t('ob.testType'), TEST_TYPES, (v) => t(`ob.test.${v as 'pcr'}`), t('ob.noTest'))}
      {e.testType && sel('testResult', t('ob.testResult'), TEST_RESULTS, (v) => t(`ob.result.${v as 'negative'}`), '—')}
      {sel('location', t('ob.location'), ISOLATION_PLACES, (v) => t(`ob.place.${v as 'home'}`))}
      <label>
        {t('ob.note')}
        <input
          name="note"
          value={e.note ?? ''}
          onInput={(x) => setE({ ...e, note: (x.target as HTMLInputElement).value || null })}
        />
      </label>
      <button type="submit">{t('ob.save')}</button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
