/** The dashboard: registered vs active checkpoints, daily check-ins by source, silent checkpoints, stale devices. */
import { t } from '../i18n/i18n';
import { adminPath, adminRoutes } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { CommuneTable } from './CommuneTable';
import { DailyChart } from './DailyChart';
import { SilentTable } from './SilentTable';
import { StaleDevicesTable } from './StaleDevicesTable';
import { RiskPanel } from './RiskPanel';

/** The dashboard page. */
export function DashboardPage() {
  const { data, error } = useLoad(adminRoutes.dashboard);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const { registered, active, checkinsInWindow } = data.totals;
  return (
    <section class="dashboard">
      <h1>{t('dash.title')}</h1>
      <div class="headline" data-testid="headline" data-registered={registered} data-active={active}>
        <div class="figure">
          <span class="big">{registered}</span>
          {t('dash.registered')}
        </div>
        <div class="figure ok">
          <span class="big">{active}</span>
          {t('dash.active', { days: data.activeWindowDays })}
        </div>
        <div class="figure warn">
          <span class="big">{registered - active}</span>
          {t('dash.silentCount')}
        </div>
        <div class="figure">
          <span class="big">{checkinsInWindow}</span>
          {t('dash.checkinsWindow', { days: data.activeWindowDays })}
        </div>
      </div>
      <RiskPanel />
      <h2>{t('dash.daily')}</h2>
      <DailyChart daily={data.daily} />
      <ExportLink table="daily" />
      <h2>{t('dash.communes')}</h2>
      <CommuneTable communes={data.communes} />
      <ExportLink table="communes" />
      <h2>{t('dash.silent')}</h2>
      <SilentTable silent={data.silent} />
      <ExportLink table="silent" />
      <h2>{t('dash.stale')}</h2>
      <StaleDevicesTable devices={data.staleDevices} />
      <ExportLink table="devices" />
    </section>
  );
}

/** A link downloading one dashboard table as CSV. */
function ExportLink({ table }: { table: string }) {
  return (
    <p class="no-print">
      <a href={adminPath(adminRoutes.dashboardExport, { table })} download data-testid={`export-${table}`}>
        {t('dash.exportCsv')}
      </a>
    </p>
  );
}
