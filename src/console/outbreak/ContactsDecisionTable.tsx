/** The F1 of an investigation: where and how long, on what basis, status; confirm or dismiss with a reason. */
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import type { CaseContact } from '../../shared/outbreak-api';
import { errorText } from './format';
import { vnDateTime } from '../vn-time';
import { CommunePicker } from './CommunePicker';

interface ContactsDecisionTableProps {
  contacts: CaseContact[];
  onDecided: () => void;
  onError: (message: string) => void;
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
                    <CommunePicker
                      value={units[c.id] ?? ''}
                      onChange={(u) => setUnits({ ...units, [c.id]: u })}
                      label={t('ob.followIn')}
                      emptyLabel={t('ob.reassignPick')}
                      name="followUnit"
                    />
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
