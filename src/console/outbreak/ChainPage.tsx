/** The chain of transmission: filters (commune, dates) and the graph, whose layout code (elkjs) loads only here. */
import { lazy, Suspense } from 'preact/compat';
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { adminRoutes } from '../../shared/console-api';
import { CommunePicker } from './CommunePicker';

const ChainGraph = lazy(() => import('./ChainGraph').then((m) => ({ default: m.ChainGraph })));

/** The page. */
export function ChainPage() {
  const [f, setF] = useState({ unit: '', from: '', to: '' });
  const chain = useLoad(
    adminRoutes.outbreakChain,
    undefined,
    Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '')),
  );
  return (
    <main>
      <h1>{t('ob.chain')}</h1>
      <div class="inline-form no-print">
        <CommunePicker value={f.unit} onChange={(unit) => setF({ ...f, unit })} />
        <label>
          {t('ob.from')}
          <input
            type="date"
            name="from"
            value={f.from}
            onInput={(e) => setF({ ...f, from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('ob.to')}
          <input
            type="date"
            name="to"
            value={f.to}
            onInput={(e) => setF({ ...f, to: (e.target as HTMLInputElement).value })}
          />
        </label>
      </div>
      {chain.error && <p class="error">{t('common.error', { message: chain.error })}</p>}
      {!chain.data && !chain.error && <p class="muted">{t('common.loading')}</p>}
      {chain.data && chain.data.nodes.length === 0 && <p>{t('ob.chainEmpty')}</p>}
      {chain.data && chain.data.nodes.length > 0 && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <ChainGraph chain={chain.data} />
        </Suspense>
      )}
    </main>
  );
}
