import '../i18n/dict-guard'; // adds the guard screens' part of the dictionary
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import { sync } from '../app/sync-service';
import { enrolCodeFromLocation, enrolDevice, type EnrolOutcome } from './enrol-api';

type State = { type: 'working' } | { type: 'missing' } | EnrolOutcome;

/** Enrols the device from the link's code, then opens the scanner. */
export function EnrolScreen() {
  const [state, setState] = useState<State>({ type: 'working' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const code = enrolCodeFromLocation(location);
    if (!code) return setState({ type: 'missing' });
    setState({ type: 'working' });
    void enrolDevice(code).then((outcome) => {
      setState(outcome);
      if (outcome.type === 'ok') {
        sync().nudge();
        navigate('/guard', { replace: true });
      }
    });
  }, [attempt]);

  return (
    <main class="screen">
      <h1>{t('enrol.title')}</h1>
      {state.type === 'working' && <p role="status">{t('enrol.working')}</p>}
      {state.type === 'missing' && <p class="error">{t('enrol.missingCode')}</p>}
      {state.type === 'offline' && <p class="error">{t('enrol.offline')}</p>}
      {state.type === 'refused' && <p class="error">{t('enrol.failed', { reason: state.message })}</p>}
      {state.type === 'ok' && <p role="status">{t('enrol.done', { name: state.checkpoint.name })}</p>}
      {(state.type === 'offline' || state.type === 'refused') && (
        <button class="big" onClick={() => setAttempt(attempt + 1)}>
          {t('enrol.retry')}
        </button>
      )}
    </main>
  );
}
