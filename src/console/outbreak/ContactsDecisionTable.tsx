/**
 * The F1 of an investigation: where and how long, on what basis, status; confirm or dismiss with a reason, each
 * asked once more by name (a decision is final: the server refuses a second one). Cards on a phone (`phone-cards`).
 */
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import type { CaseContact } from '../../shared/outbreak-api';
import { errorText } from './format';
import { vnDateTime } from '../vn-time';
import { CommunePicker } from './CommunePicker';

type Decision = 'confirm' | 'dismiss';

interface ContactsDecisionTableProps {
  contacts: CaseContact[];
  onDecided: () => void;
  onError: (message: string) => void;
}

/** Where and how long the contact met the case, in words. */
function whereText(c: CaseContact): string {
  if (c.origin === 'manual')
    return `${t('ob.manualOrigin')}: ${t(`ob.rel.${c.relationship ?? 'other'}`)}, ${vnDateTime(c.lastExposure)}`;
  return c.places
    .map((p) => `${p.checkpointName} (${p.unitName}) ${vnDateTime(p.first)}, ${t('ob.minutes', { n: p.overlapMin })}`)
    .join('; ');
}

/** The question asked before a decision, naming the person (and the reason of a dismissal), with yes and cancel. */
function ConfirmDecision(p: {
  contact: CaseContact;
  decision: Decision;
  reason: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const ask =
    p.decision === 'confirm'
      ? t('ob.confirmAsk', { name: p.contact.name })
      : t('ob.dismissAsk', { name: p.contact.name, reason: p.reason });
  return (
    <div class="confirm-box" role="alertdialog" aria-label={ask} data-testid="ob-decision-confirm">
      <p>{ask}</p>
      <button type="button" class={p.decision === 'dismiss' ? 'danger' : ''} disabled={p.busy} onClick={p.onYes}>
        {t(p.decision === 'confirm' ? 'ob.confirmYes' : 'ob.dismissYes')}
      </button>{' '}
      <button type="button" class="secondary" disabled={p.busy} onClick={p.onNo}>
        {t('ob.cancel')}
      </button>
    </div>
  );
}

/** The table. */
export function ContactsDecisionTable({ contacts, onDecided, onError }: ContactsDecisionTableProps) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  // Contacts whose commune the server could not tell: the tracer picks it, then confirms again.
  const [units, setUnits] = useState<Record<string, string>>({});
  // The decision waiting for the tracer's "yes" (one at a time).
  const [asking, setAsking] = useState<{ id: string; decision: Decision } | null>(null);
  // The contact whose decision is on its way (or saved, until the reloaded row shows it).
  const [sending, setSending] = useState<string | null>(null);
  // A dismissal without its reason: said in that row, beside the reason field.
  const [needsReason, setNeedsReason] = useState<string | null>(null);
  const reasonOf = (c: CaseContact) => (reasons[c.id] ?? '').trim();
  const ask = (c: CaseContact, decision: Decision) => {
    // The server needs a reason to dismiss (reason_required): say so before asking to confirm.
    if (decision === 'dismiss' && reasonOf(c).length < 3) {
      setAsking(null);
      setNeedsReason(c.id);
      return;
    }
    setNeedsReason(null);
    setAsking({ id: c.id, decision });
  };
  const decide = async (c: CaseContact, decision: Decision) => {
    const unitId = decision === 'confirm' ? units[c.id] : undefined;
    setSending(c.id);
    try {
      await call(adminRoutes.outbreakContactDecision, {
        params: { id: c.id },
        body: { decision, reason: reasons[c.id] ?? '', ...(unitId ? { unitId } : {}) },
      });
      // The question stays (its buttons disabled) until the reloaded row shows the decision.
      onDecided();
    } catch (err) {
      setAsking(null);
      if (err instanceof ApiError && err.code === 'unit_unknown') setUnits({ ...units, [c.id]: unitId ?? '' });
      setSending(null);
      onError(errorText(err));
    }
  };
  return (
    <table data-testid="ob-contacts" class="ob-contacts phone-cards">
      <thead>
        <tr>
          <th>{t('ob.name')}</th>
          <th>{t('ob.phone')}</th>
          <th>{t('ob.where')}</th>
          <th>{t('ob.basis')}</th>
          <th>{t('ob.status')}</th>
          <th>{t('ob.reason')}</th>
          <th>{t('ob.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id} data-name={c.name}>
            <td class="card-title">{c.name}</td>
            <td data-label={t('ob.phone')}>{c.phone ?? ''}</td>
            <td data-label={t('ob.where')}>{whereText(c)}</td>
            <td data-label={t('ob.basis')}>{t(`ob.basis.${c.basis}`)}</td>
            <td data-label={t('ob.status')}>{t(`ob.status.${c.status}`)}</td>
            <td data-label={t('ob.reason')}>
              {c.status === 'proposed' ? (
                <input
                  name="reason"
                  aria-label={t('ob.reason')}
                  value={reasons[c.id] ?? ''}
                  aria-invalid={needsReason === c.id ? true : undefined}
                  onInput={(e) => setReasons({ ...reasons, [c.id]: (e.target as HTMLInputElement).value })}
                />
              ) : (
                (c.reason ?? '')
              )}
            </td>
            <td class="ob-decide">
              {c.status === 'proposed' && asking?.id === c.id && (
                <ConfirmDecision
                  contact={c}
                  decision={asking.decision}
                  reason={reasonOf(c)}
                  busy={sending === c.id}
                  onYes={() => void decide(c, asking.decision)}
                  onNo={() => setAsking(null)}
                />
              )}
              {c.status === 'proposed' && asking?.id !== c.id && (
                <>
                  {needsReason === c.id && (
                    <p class="error field-error" role="alert">
                      {t('ob.err.reason_required')}
                    </p>
                  )}
                  {c.id in units && (
                    <CommunePicker
                      value={units[c.id] ?? ''}
                      onChange={(u) => setUnits({ ...units, [c.id]: u })}
                      label={t('ob.followIn')}
                      emptyLabel={t('ob.reassignPick')}
                      name="followUnit"
                    />
                  )}
                  <button type="button" onClick={() => ask(c, 'confirm')}>
                    {t('ob.confirm')}
                  </button>{' '}
                  <button type="button" class="secondary" onClick={() => ask(c, 'dismiss')}>
                    {t('ob.dismiss')}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
