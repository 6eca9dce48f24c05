import { useState } from 'preact/hooks';
import { sync } from '../app/sync-service';
import { listSelfCheckIns, saveCheckIns } from '../data';
import { formatTime, getLang } from '../i18n/i18n';
import { reasonText } from '../../shared/reasons';
import { useLive } from '../hooks/useLive';
import { showMoment } from './dates';
import { BackLink } from './ProfileScreen';
import { selfCheckOuts } from './self-checkin';
import { SelfSyncState } from './SelfSyncState';
import { DEFAULT_STAY_MIN, toVisits, type Visit } from './visits';
import { t } from '../i18n/i18n';
import '../i18n/dict-visit';

/** The visitor's own visits, newest first, with check-out for the ones still open. */
export function MyVisits() {
  const items = useLive(() => listSelfCheckIns(200), [], null);
  if (!items) return <div class="visitor-loading" aria-busy="true" />;
  const visits = toVisits(items, Date.now());
  return (
    <main class="screen visitor" data-testid="my-visits">
      <BackLink />
      <h1>{t('visitor.myVisits')}</h1>
      <SelfSyncState />
      <p class="hint">{t('visitor.visits.defaultStay', { minutes: DEFAULT_STAY_MIN })}</p>
      {visits.length === 0 ? (
        <p>{t('visitor.visits.none')}</p>
      ) : (
        <ul class="visits">
          {visits.map((visit) => (
            <VisitRow key={visit.key} visit={visit} />
          ))}
        </ul>
      )}
    </main>
  );
}

interface VisitRowProps {
  visit: Visit;
}

/** One visit: place, time, people, how it ended, and a check-out button while it is open. */
function VisitRow({ visit }: VisitRowProps) {
  const [busy, setBusy] = useState(false);
  const open = visit.leftAt === null && !visit.endedByDefault && visit.movedTo === null;
  const checkOut = async () => {
    setBusy(true);
    try {
      await saveCheckIns(selfCheckOuts(visit.arrivals, Date.now()));
      sync().nudge();
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class={`visit ${visit.status}`} data-testid="visit">
      <strong>{visit.place}</strong>
      <span>
        {showMoment(visit.at)} · {visit.arrivals.map((a) => a.person.name).join(', ')}
      </span>
      <span class="hint">
        {visit.leftAt !== null
          ? t('visitor.visits.left', { time: formatTime(visit.leftAt) })
          : visit.movedTo
            ? `${t('visits.movedOn', { place: visit.movedTo.place })} (${formatTime(visit.movedTo.at)})`
            : visit.endedByDefault
              ? t('visitor.visits.endedDefault')
              : t('visitor.visits.inside')}
        {' · '}
        {t(`visitor.visits.status.${visit.status}`)}
      </span>
      {visit.status === 'rejected' && visit.reason && <span class="error">{reasonText(visit.reason, getLang())}</span>}
      {open && (
        <button class="big" disabled={busy} onClick={() => void checkOut()} data-testid="checkout">
          {t('visitor.visits.checkOut')}
        </button>
      )}
    </li>
  );
}
