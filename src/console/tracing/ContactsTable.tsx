/** A contact list (F1 or F2): one row per person, sortable by overlap minutes. */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ContactEntry as Contact } from '../../shared/console-api';
import { vnTime } from './vn-time';

export interface ContactsTableProps {
  contacts: Contact[];
  testId: string;
}

/** The table, most exposed first until the header is clicked. */
export function ContactsTable({ contacts, testId }: ContactsTableProps) {
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
          <th>
            <button type="button" class="link" onClick={() => setDesc(!desc)}>
              {t('trace.overlap')} {desc ? '▼' : '▲'}
            </button>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.personId}>
            <td>{c.name}</td>
            <td>{c.phone ?? ''}</td>
            <td>{c.address ?? ''}</td>
            <td>{c.places.map((p) => `${p.checkpointName} ${vnTime(p.first)}–${vnTime(p.last)}`).join('; ')}</td>
            <td class="num">{c.overlapMin}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
