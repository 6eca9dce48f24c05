/**
 * The daily situation report: per commune and the district (or one commune's, for its officer), a chart over the outbreak's days, XLSX and a printable A4
 * page.
 */
import { useState } from 'preact/hooks';
import { callForFile } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { saveFile } from '../../browser/save-file';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import type { ReportFigures } from '../../shared/outbreak-api';
import { errorText, todayKey } from './format';
import { ReportChart } from './ReportChart';
import { unitInSentence } from '../../shared/text/unit-name';

const FIGURES: (keyof ReportFigures)[] = [
  'newCases',
  'underFollowup',
  'completed',
  'lost',
  'converted',
  'testsDue',
  'testsDone',
];

async function download(day: string): Promise<void> {
  const { blob, fileName } = await callForFile(adminRoutes.outbreakReportXlsx, { query: { day } });
  saveFile(blob, fileName ?? `bao-cao-dich-${day}.xlsx`);
}

/** The page. */
export function ReportPage() {
  const [day, setDay] = useState(todayKey());
  const report = useLoad(adminRoutes.outbreakReport, undefined, { day });
  const [error, setError] = useState<string | null>(null);
  const r = report.data;
  const chartTitle = r?.scope ? t('ob.overDaysUnit', { unit: unitInSentence(r.scope.unitName) }) : t('ob.overDays');
  return (
    <main class="ob-report">
      <h1>{t('ob.report', { day: day.split('-').reverse().join('/') })}</h1>
      <div class="no-print inline-form">
        <label>
          {t('ob.reportDay')}
          <input
            type="date"
            name="day"
            value={day}
            onInput={(e) => setDay((e.target as HTMLInputElement).value || todayKey())}
          />
        </label>
        <button type="button" onClick={() => download(day).catch((err: unknown) => setError(errorText(err)))}>
          {t('ob.xlsx')}
        </button>
        <button type="button" onClick={() => print()}>
          {t('ob.printA4')}
        </button>
      </div>
      {(error ?? report.error) && <p class="error">{error ?? report.error}</p>}
      {!r && !report.error && <p class="muted">{t('common.loading')}</p>}
      {r && (
        <>
          <table data-testid="ob-report" data-day={r.day} class="ob-report-table">
            <thead>
              <tr>
                <th>{t('ob.commune')}</th>
                {FIGURES.map((f) => (
                  <th key={f}>{t(`ob.fig.${f}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.communes.map((c) => (
                <tr key={c.unitId} data-unit={c.unitName}>
                  <td>{c.unitName}</td>
                  {FIGURES.map((f) => (
                    <td key={f}>{c[f]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-unit="district">
                <th>{r.scope ? t('ob.unitTotal', { unit: unitInSentence(r.scope.unitName) }) : t('ob.district')}</th>
                {FIGURES.map((f) => (
                  <th key={f}>{r.district[f]}</th>
                ))}
              </tr>
            </tfoot>
          </table>
          <h2>{chartTitle}</h2>
          <ReportChart series={r.series} title={chartTitle} />
        </>
      )}
    </main>
  );
}
