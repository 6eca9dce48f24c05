/** A contact list (F1 or F2): one row per person, sortable by overlap minutes. */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ContactEntry as Contact } from '../../shared/console-api';
import { TrustBadges } from './TrustBadges';
import { vnTime } from './vn-time';
import { riskWords } from './risk-filter';

interface ContactsTableProps {
  contacts: Contact[];
  testId: string;
  /** F2: a column naming the F1 people each row came through. */
  showVia?: boolean;
}

/** The table, most exposed first until the header is clicked. */
export function ContactsTable({ contacts, testId, showVia = false }: ContactsTableProps) {
  const [desc, setDesc] = useState(true);
  const rows = [...contacts].sort((a, b) => (desc ? b.overlapMin - a.overlapMin : a.overlapMin - b.overlapMin));
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{t('trace.name')}</th>
          <th>{t('trace.phone')}</th>
          <th>{t('trace.address')}</th>
          <th>{t('trace.places')}</th>
          {showVia && <th>{t('trace.via')}</th>}
          <th>{t('risk.trace.col')}</th>
          <th>
            <button type="button" class="link" onClick={() => setDesc(!desc)}>
              {t('trace.overlap')} {desc ? '▼' : '▲'}
            </button>
          </th>
          <th>{t('trace.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.personId}>
            <td>
              {c.name}
              {c.originalName !== undefined && (
                <small class="original-name"> ({t('trace.originalName', { name: c.originalName })})</small>
              )}
            </td>
            <td>{c.phone ?? ''}</td>
            <td>{c.address ?? ''}</td>
            <td>{c.places.map((p) => `${p.checkpointName} ${vnTime(p.first)}–${vnTime(p.last)}`).join('; ')}</td>
            {showVia && <td data-testid="via">{(c.viaNames ?? c.via).join('; ')}</td>}
            <td class="trace-risk" data-testid="contact-risk">
              {riskWords(c)}
            </td>
            <td class="num">{c.overlapMin}</td>
            <td>
              <TrustBadges selfOnly={c.selfOnly} fromRevokedDevice={c.fromRevokedDevice} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
