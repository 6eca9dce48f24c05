/**
 * One case's investigation: the case, its window, the kept F1 list with changes to take in, decisions, contacts added
 * by hand.
 */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import type { TraceChanges } from '../../shared/outbreak-api';
import { ContactsDecisionTable } from './ContactsDecisionTable';
import { errorText, localInput } from './format';
import { vnDate, vnDateTime } from '../vn-time';
import { ManualContactForm } from './ManualContactForm';

interface InvestigationPageProps {
  id: string;
}

/** The page. */
export function InvestigationPage({ id }: InvestigationPageProps) {
  const params = { id };
  const inv = useLoad(adminRoutes.outbreakCase, params);
  const [changes, setChanges] = useState<TraceChanges | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [win, setWin] = useState<{ start: string; end: string } | null>(null);
  if (inv.error) return <p class="error">{t('common.error', { message: inv.error })}</p>;
  if (!inv.data) return <p>{t('common.loading')}</p>;
  const c = inv.data.case;
  const w = win ?? { start: localInput(c.window.start), end: localInput(c.window.end) };
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      inv.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const check = () => act(async () => setChanges(await call(adminRoutes.outbreakCaseChanges, { params })));
  const takeIn = () => act(async () => (await call(adminRoutes.outbreakCaseTakeIn, { params }), setChanges(null)));
  const saveWindow = (e: Event) => {
    e.preventDefault();
    void act(() =>
      call(adminRoutes.outbreakCaseWindow, {
        params,
        body: { start: new Date(w.start).getTime(), end: new Date(w.end).getTime() },
      }),
    );
  };
  const nChanges = changes ? changes.added.length + changes.removed.length + changes.changed.length : 0;
  return (
    <main>
      <h1>{t('ob.investigation', { name: c.name })}</h1>
      <p data-testid="ob-case-summary">
        {t('ob.confirmedAt')}: {vnDate(c.confirmedAt)} · {t(`ob.test.${c.testType}`)} ·{' '}
        {c.onsetAt === null ? t('ob.noSymptoms') : `${t('ob.onset')}: ${vnDate(c.onsetAt)}`} · {t('ob.isolation')}:{' '}
        {t(`ob.place.${c.isolation}`)}
      </p>
      {c.parentCaseId && <p>{t('ob.parent')}</p>}
      <form class="inline-form" onSubmit={saveWindow}>
        <strong>{t('ob.window')}</strong>
        <label>
          {t('ob.from')}
          <input
            type="datetime-local"
            name="windowStart"
            value={w.start}
            onInput={(e) => setWin({ ...w, start: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('ob.to')}
          <input
            type="datetime-local"
            name="windowEnd"
            value={w.end}
            onInput={(e) => setWin({ ...w, end: (e.target as HTMLInputElement).value })}
          />
        </label>
        <button type="submit">{t('ob.windowSave')}</button>
      </form>
      <p>
        {t('ob.snapshot', { time: vnDateTime(c.snapshotAt) })}{' '}
        <button type="button" onClick={check}>
          {t('ob.checkChanges')}
        </button>
      </p>
      {changes && nChanges === 0 && <p role="status">{t('ob.noChanges')}</p>}
      {changes && nChanges > 0 && (
        <div class="ob-changes" role="status" data-testid="ob-changes">
          <p>
            {t('ob.changes', {
              added: changes.added.length,
              removed: changes.removed.length,
              changed: changes.changed.length,
            })}
          </p>
          <ul>
            {changes.added.map((a) => (
              <li key={a.personId}>
                + {a.name} ({t('ob.minutes', { n: a.overlapMin })})
              </li>
            ))}
            {changes.removed.map((a) => (
              <li key={a.personId}>− {a.name}</li>
            ))}
            {changes.changed.map((a) => (
              <li key={a.personId}>
                ± {a.name} ({t('ob.minutesChange', { before: a.before, after: a.after })})
              </li>
            ))}
          </ul>
          <button type="button" onClick={takeIn}>
            {t('ob.takeIn')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h2>{t('ob.contacts')}</h2>
      <ContactsDecisionTable contacts={inv.data.contacts} onDecided={inv.reload} onError={setError} />
      {inv.data.alreadyKnown.length > 0 && (
        <section>
          <h3>{t('ob.alreadyKnown')}</h3>
          <ul data-testid="ob-known">
            {inv.data.alreadyKnown.map((k) => (
              <li key={k.personId}>
                {k.name} — {t(`ob.known.${k.as}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ManualContactForm caseId={id} onAdded={inv.reload} />
    </main>
  );
}
