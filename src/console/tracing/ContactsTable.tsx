/**
 * A contact list (F1 or F2): one row per person, sortable by overlap minutes. A market's case can have thousands of
 * contacts: the table shows the first ROWS_AT_ONCE in the chosen order and more on request (drawing 7,358 rows took
 * 2.2 s on the test machine, every re-sort as long); the exports always hold the whole list.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ContactEntry as Contact } from '../../shared/console-api';
import { TrustBadges } from './TrustBadges';
import { vnDateTime } from '../vn-time';
import { riskWords } from './risk-filter';

interface ContactsTableProps {
  contacts: Contact[];
  testId: string;
  /** F2: a column naming the F1 people each row came through. */
  showVia?: boolean;
}

/** Rows shown before the tracer asks for more. */
const ROWS_AT_ONCE = 500;

/** The table, most exposed first until the header is clicked. */
export function ContactsTable({ contacts, testId, showVia = false }: ContactsTableProps) {
  const [desc, setDesc] = useState(true);
  const [limit, setLimit] = useState(ROWS_AT_ONCE);
  const rows = [...contacts].sort((a, b) => (desc ? b.overlapMin - a.overlapMin : a.overlapMin - b.overlapMin));
  return (
    <>
      <ContactRows
        rows={rows.slice(0, limit)}
        testId={testId}
        showVia={showVia}
        desc={desc}
        onSort={() => setDesc(!desc)}
      />
      {rows.length > limit && (
        <p data-testid={`${testId}-more`}>
          {t('trace.showing', { shown: limit, total: rows.length })}{' '}
          {rows.length - limit > ROWS_AT_ONCE && (
            <>
              <button type="button" class="no-print" onClick={() => setLimit(limit + ROWS_AT_ONCE)}>
                {t('trace.showMore', { n: ROWS_AT_ONCE })}
              </button>{' '}
            </>
          )}
          <button type="button" class="no-print" onClick={() => setLimit(rows.length)}>
            {t('trace.showAll', { n: rows.length })}
          </button>
        </p>
      )}
    </>
  );
}

interface ContactRowsProps {
  rows: Contact[];
  testId: string;
  showVia: boolean;
  desc: boolean;
  onSort: () => void;
}

/** The table itself, the given rows in the given order. */
function ContactRows({ rows, testId, showVia, desc, onSort }: ContactRowsProps) {
  return (
    <table data-testid={testId} class="phone-cards">
      <thead>
        <tr>
          <th>{t('trace.name')}</th>
          <th>{t('trace.phone')}</th>
          <th>{t('trace.address')}</th>
          <th>{t('trace.places')}</th>
          {showVia && <th>{t('trace.via')}</th>}
          <th>{t('risk.trace.col')}</th>
          <th class="sort">
            <button type="button" class="link" onClick={onSort}>
              {t('trace.overlap')} {desc ? '▼' : '▲'}
            </button>
          </th>
          <th>{t('trace.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.personId}>
            <td class="card-title">
              {c.name}
              {c.originalName !== undefined && (
                <small class="original-name"> ({t('trace.originalName', { name: c.originalName })})</small>
              )}
            </td>
            <td data-label={t('trace.phone')}>{c.phone ?? ''}</td>
            <td data-label={t('trace.address')}>{c.address ?? ''}</td>
            <td data-label={t('trace.places')}>
              {c.places.map((p) => `${p.checkpointName} ${vnDateTime(p.first)}–${vnDateTime(p.last)}`).join('; ')}
            </td>
            {showVia && (
              <td data-testid="via" data-label={t('trace.via')}>
                {(c.viaNames ?? c.via).join('; ')}
              </td>
            )}
            <td class="trace-risk" data-testid="contact-risk" data-label={t('risk.trace.col')}>
              {riskWords(c)}
            </td>
            <td class="num" data-label={t('trace.overlap')}>
              {c.overlapMin}
            </td>
            <td data-label={t('trace.flags')}>
              <TrustBadges selfOnly={c.selfOnly} fromRevokedDevice={c.fromRevokedDevice} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
