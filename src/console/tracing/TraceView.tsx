/** One trace: the case's timeline, F1 (sortable), F2 on demand, the zone, exports and print. */
import { sourceLabel } from '../../shared/source-labels';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { getLang, t } from '../i18n/i18n';
import { ContactsTable } from './ContactsTable';
import { TrustBadges } from './TrustBadges';
import { downloadExport } from './download';
import {
  adminRoutes,
  type ContactEntry as Contact,
  type TraceRequest as TraceQuery,
  type TraceResult,
} from '../../shared/console-api';
import { vnDateTime } from '../vn-time';
import { ZoneView } from './ZoneView';
import { RiskOnlyToggle, withRiskFilter } from './risk-filter';

interface TraceViewProps {
  query: TraceQuery;
  label: string;
}

/** Runs the trace for the query and shows it. */
export function TraceView({ query, label }: TraceViewProps) {
  const [result, setResult] = useState<TraceResult | null>(null);
  const [f2, setF2] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [riskOnly, setRiskOnly] = useState(false);
  useEffect(() => {
    setResult(null);
    setF2(null);
    call(adminRoutes.traceRun, { body: query }).then(setResult, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, [query]);
  const failed = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const loadF2 = () => void call(adminRoutes.traceSecondRing, { body: query }).then((r) => setF2(r.f2), failed);
  const exportAs = (format: 'xlsx' | 'csv', part?: 'contacts' | 'zone', ring?: 'f1' | 'f2') =>
    void downloadExport({ ...query, ...(riskOnly ? { riskOnly } : {}), caseName: label }, format, part, ring).catch(
      failed,
    );

  if (error) return <p class="error">{t('common.error', { message: error })}</p>;
  if (!result) return <p>{t('common.loading')}</p>;
  return (
    <div class="trace-report">
      <h2>{t('trace.reportTitle', { name: label, from: vnDateTime(query.from), to: vnDateTime(query.to) })}</h2>
      <p class="no-print">
        <button type="button" onClick={() => exportAs('xlsx')}>
          {t('trace.exportXlsx')}
        </button>{' '}
        <button type="button" onClick={() => exportAs('csv', 'contacts')}>
          {t('trace.exportCsvContacts')}
        </button>{' '}
        <button type="button" onClick={() => exportAs('csv', 'contacts', 'f2')}>
          {t('trace.exportCsvF2')}
        </button>{' '}
        <button type="button" onClick={() => exportAs('csv', 'zone')}>
          {t('trace.exportCsvZone')}
        </button>{' '}
        <button type="button" onClick={() => print()}>
          {t('trace.print')}
        </button>
      </p>
      <p class="no-print muted" data-testid="csv-excel-note">
        {t('trace.csvExcelNote')}
      </p>
      <h3>{t('trace.timeline', { n: result.timeline.length })}</h3>
      <table data-testid="trace-timeline" class="phone-cards">
        <tbody>
          {result.timeline.map((v) => (
            <tr key={v.checkinId}>
              <td class="card-title">{v.checkpointName}</td>
              <td>{v.unitName}</td>
              <td data-label={t('trace.from')}>{vnDateTime(v.start)}</td>
              <td data-label={t('trace.to')}>
                {vnDateTime(v.end)}
                {v.endKnown ? '' : ` (${t('trace.defaultStay')})`}
              </td>
              <td>{sourceLabel(v.source, getLang())}</td>
              <td>{v.skewed ? t('trace.clockCorrected') : ''}</td>
              <td>
                <TrustBadges selfOnly={v.source === 'self'} fromRevokedDevice={v.fromRevokedDevice} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('trace.f1', { n: withRiskFilter(result.f1, riskOnly).length })}</h3>
      <RiskOnlyToggle checked={riskOnly} onChange={setRiskOnly} />
      <ContactsTable contacts={withRiskFilter(result.f1, riskOnly)} testId="trace-f1" />
      <h3>{t('trace.f2Title')}</h3>
      {f2 ? (
        <ContactsTable contacts={withRiskFilter(f2, riskOnly)} testId="trace-f2" showVia />
      ) : (
        <button type="button" class="no-print" onClick={loadF2}>
          {t('trace.loadF2')}
        </button>
      )}
      <ZoneView zone={result.zone} />
    </div>
  );
}
