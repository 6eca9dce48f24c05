import { useState } from 'preact/hooks';
import { pendingCount } from '../data';
import { useLive } from '../hooks/useLive';
import { t } from '../i18n/i18n';
import '../i18n/dict-sealed';
import { buildQueueFile, queueFileName, shareOrDownload } from '../sync/queue-export';

type State =
  | { type: 'idle' }
  | { type: 'working' }
  | { type: 'done'; count: number; name: string; shared: boolean }
  | { type: 'refused'; message: string };

/** "Xuất dữ liệu chờ gửi": the queue as one sealed, signed file for somebody online to upload. */
export function QueueExport() {
  const pending = useLive(pendingCount, [], 0);
  const [state, setState] = useState<State>({ type: 'idle' });
  if (pending === 0 && state.type !== 'done') return null;

  const run = async () => {
    setState({ type: 'working' });
    const file = await buildQueueFile({ appVersion: __APP_VERSION__ });
    if (typeof file === 'string') {
      setState({ type: 'refused', message: t(`queueExport.${file}`) });
      return;
    }
    const how = await shareOrDownload(file, t('queueExport.shareTitle', { code: file.checkpoint.code }));
    setState(
      how === 'cancelled'
        ? { type: 'idle' }
        : { type: 'done', count: file.count, name: queueFileName(file), shared: how === 'shared' },
    );
  };

  return (
    <section class="queue-export" data-testid="queue-export">
      <button type="button" class="secondary" disabled={state.type === 'working'} onClick={() => void run()}>
        {state.type === 'working' ? t('queueExport.working') : t('queueExport.button')}
      </button>
      {state.type === 'idle' && <p class="hint">{t('queueExport.hint')}</p>}
      {state.type === 'done' && (
        <p class="hint" data-testid="queue-export-done">
          {t(state.shared ? 'queueExport.shared' : 'queueExport.downloaded', { count: state.count, name: state.name })}{' '}
          {t('queueExport.kept')}
        </p>
      )}
      {state.type === 'refused' && <p class="sync-error">{state.message}</p>}
    </section>
  );
}
