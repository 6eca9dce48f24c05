import '../i18n/dict-guard'; // adds the guard screens' part of the dictionary
import { navigate, usePath } from '../../browser/router';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/dict';
import { DeclareTab } from './DeclareTab';
import { NeedsAttention } from './NeedsAttention';
import { PaperSheet } from './PaperSheet';
import { PaperTab } from './PaperTab';
import { ScanTab } from './ScanTab';
import { SyncBar } from './SyncBar';
import { QueueExport } from './QueueExport';
import { TodayTab } from './TodayTab';
import { useGuardContext } from './useGuardContext';
import { NoticeBanner } from '../notices/NoticeBanner';
import { DeviceStatusBanner } from '../device/DeviceStatusBanner';
import { getDeviceWipedAt } from '../data';
import { useLive } from '../hooks/useLive';
import '../i18n/dict-sealed';

const TABS: { path: string; label: MessageKey }[] = [
  { path: '/guard', label: 'guard.tab.scan' },
  { path: '/guard/today', label: 'guard.tab.today' },
  { path: '/guard/declare', label: 'guard.tab.declare' },
  { path: '/guard/paper', label: 'guard.tab.paper' },
];

/** The guard's working screen: checkpoint, sync state, the tab in use, and refused items. */
export function GuardScreen() {
  const ctx = useGuardContext();
  const path = usePath();
  const wipedAt = useLive(getDeviceWipedAt, [], null);
  if (ctx === undefined) return null;
  if (ctx === null) {
    return (
      <main class="screen">
        <p class="error">{t('guard.notEnrolled')}</p>
        <p class="hint">{t('home.guardHint')}</p>
      </main>
    );
  }
  if (path === '/guard/paper/print') return <PaperSheet ctx={ctx} />;
  if (wipedAt !== null) {
    // Revoked and wiped: the device records nothing more; the guard goes on with paper.
    return (
      <main class="screen guard" data-testid="device-wiped">
        <h1 class="checkpoint-name">{t('guard.checkpoint', { name: ctx.enrolment.checkpoint.name })}</h1>
        <DeviceStatusBanner />
        <p>{t('sealed.wipedNext')}</p>
        <p>
          <a href="/guard/paper/print" onClick={(e) => (e.preventDefault(), navigate('/guard/paper/print'))}>
            {t('sealed.printPaper')}
          </a>
        </p>
      </main>
    );
  }
  return (
    <main class="screen guard">
      <h1 class="checkpoint-name">{t('guard.checkpoint', { name: ctx.enrolment.checkpoint.name })}</h1>
      <nav class="tabs" aria-label={t('app.name')}>
        {TABS.map((tab) => (
          <a
            key={tab.path}
            href={tab.path}
            aria-current={path === tab.path ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(tab.path);
            }}
          >
            {t(tab.label)}
          </a>
        ))}
      </nav>
      <SyncBar />
      {path === '/guard/today' && <QueueExport />}
      {/* No network or no server is said in the sync box above; the banner keeps revoked and closed. */}
      <DeviceStatusBanner reach={false} />
      <NoticeBanner checkpointId={ctx.enrolment.checkpoint.id} />
      {path === '/guard/today' ? (
        <TodayTab />
      ) : path === '/guard/declare' ? (
        <DeclareTab ctx={ctx} />
      ) : path === '/guard/paper' ? (
        <PaperTab ctx={ctx} />
      ) : (
        <ScanTab ctx={ctx} />
      )}
      <NeedsAttention />
      <p class="settings-link">
        <a href="/settings" onClick={(e) => (e.preventDefault(), navigate('/settings'))}>
          {t('settings.open')}
        </a>
      </p>
    </main>
  );
}
