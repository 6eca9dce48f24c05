/** The F1 of an investigation: where and how long, on what basis, status; confirm or dismiss with a reason. */
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import type { CaseContact } from '../../shared/outbreak-api';
import { errorText, vnDateTime } from './format';

export interface ContactsDecisionTableProps {
  contacts: CaseContact[];
  onDecided: () => void;
  onError: (message: string) => void;
}

/** The commune to follow a contact in, asked when neither address, checkpoint nor case gives one. */
export function UnitChoice({
  value,
  onChange,
  emptyLabel = t('ob.reassignPick'),
}: {
  value: string;
  onChange: (unitId: string) => void;
  emptyLabel?: string;
}) {
  const report = useLoad(adminRoutes.outbreakReport);
  return (
    <label>
      {t('ob.followIn')}
      <select name="followUnit" value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{emptyLabel}</option>
        {(report.data?.communes ?? [])
          .filter((c) => c.unitId !== '')
          .map((c) => (
            <option key={c.unitId} value={c.unitId}>
              {c.unitName}
            </option>
          ))}
      </select>
    </label>
  );
}

/** The table. */
export function ContactsDecisionTable({ contacts, onDecided, onError }: ContactsDecisionTableProps) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  // Contacts whose commune the server could not tell: the tracer picks it, then confirms again.
  const [units, setUnits] = useState<Record<string, string>>({});
  const decide = async (c: CaseContact, decision: 'confirm' | 'dismiss') => {
    const unitId = decision === 'confirm' ? units[c.id] : undefined;
    try {
      await call(adminRoutes.outbreakContactDecision, {
        params: { id: c.id },
        body: { decision, reason: reasons[c.id] ?? '', ...(unitId ? { unitId } : {}) },
      });
      onDecided();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unit_unknown') setUnits({ ...units, [c.id]: unitId ?? '' });
      onError(errorText(err));
    }
  };
  return (
    <table data-testid="ob-contacts" class="ob-contacts">
      <thead>
        <tr>
          <th>{t('ob.name')}</th>
          <th>{t('ob.phone')}</th>
          <th>{t('ob.where')}</th>
          <th>{t('ob.basis')}</th>
          <th>{t('ob.status')}</th>
          <th>{t('ob.reason')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id} data-name={c.name}>
            <td>{c.name}</td>
            <td>{c.phone ?? ''}</td>
            <td>
              {c.origin === 'manual'
                ? `${t('ob.manualOrigin')}: ${t(`ob.rel.${c.relationship ?? 'other'}`)}, ${vnDateTime(c.lastExposure)}`
                : c.places
                    .map(
                      (p) =>
                        `${p.checkpointName} (${p.unitName}) ${vnDateTime(p.first)}, ${t('ob.minutes', { n: p.overlapMin })}`,
                    )
                    .join('; ')}
            </td>
            <td>{t(`ob.basis.${c.basis}`)}</td>
            <td>{t(`ob.status.${c.status}`)}</td>
            <td>
              {c.status === 'proposed' ? (
                <input
                  name="reason"
                  aria-label={t('ob.reason')}
                  value={reasons[c.id] ?? ''}
                  onInput={(e) => setReasons({ ...reasons, [c.id]: (e.target as HTMLInputElement).value })}
                />
              ) : (
                (c.reason ?? '')
              )}
            </td>
            <td>
              {c.status === 'proposed' && (
                <>
                  {c.id in units && (
                    <UnitChoice value={units[c.id] ?? ''} onChange={(u) => setUnits({ ...units, [c.id]: u })} />
                  )}
                  <button type="button" onClick={() => decide(c, 'confirm')}>
                    {t('ob.confirm')}
                  </button>{' '}
                  <button type="button" class="secondary" onClick={() => decide(c, 'dismiss')}>
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
