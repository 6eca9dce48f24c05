/**
 * The health station's call list for today, built for a phone: one card per F1 with a tap-to-call
 * link, the day number and a due test, quick entry, conversion on a positive test; prints as a paper list.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { adminRoutes, type ConsoleUser as User } from '../../shared/console-api';
import { useLoad } from '../use-load';
import type { CallListRow } from '../../shared/outbreak-api';
import { callDraftKey, CallEntryForm } from './CallEntryForm';
import { loadDraft } from '../drafts';
import { CommunePicker } from './CommunePicker';
import { PaperCallList } from './PaperCallList';
import { ReassignFollowup } from './ReassignFollowup';
import { followupDayText, todayKey } from './format';

interface CallListPageProps {
  user: User;
}

function Card({ row, user, onSaved }: { row: CallListRow; user: User; onSaved: () => void }) {
  // A call typed before the session ended opens again with what was typed.
  const [open, setOpen] = useState(() => loadDraft(callDraftKey(row.id)) !== null);
  const [moving, setMoving] = useState(false);
  // District roles may hand the follow-up to another commune's health station (the server allows them only).
  const mayReassign = user.role === 'admin' || user.role === 'tracer';
  return (
    <li class={`ob-card${row.today ? ' done' : ''}`} data-testid="ob-call" data-name={row.name}>
      <div class="ob-card-head">
        <strong>{row.name}</strong>
        <span data-testid="ob-day">{followupDayText(row.dayNumber)}</span>
        {row.testDue && <span class="ob-due">{t('ob.testDue')}</span>}
        {row.today && <span class="ob-called">✓ {t('ob.called')}</span>}
      </div>
      <p class="ob-card-addr">{row.address ?? ''}</p>
      {mayReassign && <p class="ob-card-unit">{t('ob.followedBy', { unit: row.unitName })}</p>}
      <div class="ob-card-actions">
        {row.phone && (
          <a class="button" href={`tel:${row.phone.replace(/[^\d+]/g, '')}`}>
            {t('ob.call')} {row.phone}
          </a>
        )}
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
          {t('ob.entry')}
        </button>
        {mayReassign && (
          <button type="button" onClick={() => setMoving(!moving)} aria-expanded={moving}>
            {t('ob.reassign')}
          </button>
        )}
      </div>
      {open && <CallEntryForm row={row} onSaved={() => (setOpen(false), onSaved())} />}
      {moving && <ReassignFollowup followup={row} onDone={() => (setMoving(false), onSaved())} />}
    </li>
  );
}

/** The page. */
export function CallListPage({ user }: CallListPageProps) {
  const [unit, setUnit] = useState('');
  const list = useLoad(adminRoutes.outbreakFollowups, undefined, unit ? { unit } : undefined);
  return (
    <main class="ob-calls">
      <div class="no-print">
        <h1>{t('ob.calls', { day: (list.data?.day ?? todayKey()).split('-').reverse().join('/') })}</h1>
        {user.role !== 'officer' && <CommunePicker value={unit} onChange={setUnit} />}
        <button type="button" onClick={() => print()}>
          {t('ob.print')}
        </button>
        {list.error && <p class="error">{t('common.error', { message: list.error })}</p>}
        {!list.data && !list.error && <p class="muted">{t('common.loading')}</p>}
        {list.data && list.data.rows.length === 0 && <p>{t('ob.callsNone')}</p>}
        <ul class="ob-cards">
          {list.data?.rows.map((r) => (
            <Card key={r.id} row={r} user={user} onSaved={list.reload} />
          ))}
        </ul>
      </div>
      {list.data && <PaperCallList list={list.data} />}
    </main>
  );
}
