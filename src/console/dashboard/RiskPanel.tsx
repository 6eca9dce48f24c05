/** Risk at the door on the dashboard: today's arrivals with symptoms or an exposure, per checkpoint and commune. */
import './risk-panel.css';
import type { RiskCounts } from '../../shared/risk/dashboard-api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';

/** The panel (an early-warning signal a district can act on the same day). */
export function RiskPanel() {
  const { data, error } = useLoad(adminRoutes.riskDashboard);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const { totals } = data;
  const [y, m, d] = data.date.split('-');
  return (
    <section class="risk-panel" data-testid="risk-panel" data-risky={totals.risky}>
      <h2>{t('risk.dash.title', { date: `${d}/${m}/${y}` })}</h2>
      <div class="headline">
        <div class={`figure ${totals.risky > 0 ? 'danger' : ''}`} data-testid="risk-total">
          <span class="big">{totals.risky}</span>
          {t('risk.dash.risky')}
        </div>
        <div class="figure">
          <span class="big">{totals.symptom}</span>
          {t('risk.dash.symptom')}
        </div>
        <div class="figure">
          <span class="big">{totals.exposure}</span>
          {t('risk.dash.exposure')}
        </div>
        <div class="figure warn">
          <span class="big">{totals.stale + totals.missing}</span>
          {t('risk.dash.staleMissing')}
        </div>
      </div>
      {data.checkpoints.length === 0 ? (
        <p>{t('risk.dash.none')}</p>
      ) : (
        <>
          <RiskTable
            testId="risk-checkpoints"
            first={t('risk.dash.col.checkpoint')}
            rows={data.checkpoints.map((c) => ({ key: c.id, label: `${c.name} (${c.unitName})`, ...c }))}
          />
          <h3>{t('risk.dash.byCommune')}</h3>
          <RiskTable
            testId="risk-communes"
            first={t('risk.dash.col.commune')}
            rows={data.communes.map((c) => ({ key: c.unitId, label: c.name, ...c }))}
          />
        </>
      )}
    </section>
  );
}

interface RiskTableProps {
  testId: string;
  first: string;
  rows: (RiskCounts & { key: string; label: string })[];
}

/** Counts per row, the risky ones highlighted. */
function RiskTable({ testId, first, rows }: RiskTableProps) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{first}</th>
          <th class="num">{t('risk.dash.col.arrivals')}</th>
          <th class="num">{t('risk.dash.col.risky')}</th>
          <th class="num">{t('risk.dash.col.symptom')}</th>
          <th class="num">{t('risk.dash.col.exposure')}</th>
          <th class="num">{t('risk.dash.col.stale')}</th>
          <th class="num">{t('risk.dash.col.missing')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-risky={r.risky}>
            <td>{r.label}</td>
            <td class="num">{r.arrivals}</td>
            <td class={r.risky > 0 ? 'num danger' : 'num'}>{r.risky}</td>
            <td class="num">{r.symptom}</td>
            <td class="num">{r.exposure}</td>
            <td class="num">{r.stale}</td>
            <td class="num">{r.missing}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
