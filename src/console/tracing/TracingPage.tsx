/** The tracer's page: find the case, choose the infectious window and buffer, trace. */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { SearchPanel } from './SearchPanel';
import { TraceView } from './TraceView';
import type { TraceRequest as TraceQuery } from '../../shared/console-api';

const DAY = 86_400_000;
/** `datetime-local` value for a time, in the browser's zone. */
const local = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The page. */
export function TracingPage() {
  const [chosen, setChosen] = useState<{ keys: string[]; label: string } | null>(null);
  const [from, setFrom] = useState(local(Date.now() - 14 * DAY));
  const [to, setTo] = useState(local(Date.now()));
  const [buffer, setBuffer] = useState('15');
  const [query, setQuery] = useState<TraceQuery | null>(null);

  const run = (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    setQuery({
      personKeys: chosen.keys,
      from: new Date(from).getTime(),
      // The input has minute precision: the window ends at the end of the minute chosen (so "now" includes
      // a visit of this very minute).
      to: new Date(to).getTime() + 59_999,
      bufferMin: Math.max(0, Number(buffer) || 0),
    });
  };
  return (
    <main>
      <h1 class="no-print">{t('trace.title')}</h1>
      <div class="no-print">
        <SearchPanel onChoose={(keys, label) => setChosen({ keys, label })} />
        {chosen && (
          <form class="inline-form" onSubmit={run}>
            <p>{t('trace.chosen', { name: chosen.label })}</p>
            <label>
              {t('trace.from')}
              <input
                type="datetime-local"
                name="from"
                value={from}
                onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
              />
            </label>
            <label>
              {t('trace.to')}
              <input
                type="datetime-local"
                name="to"
                value={to}
                onInput={(e) => setTo((e.target as HTMLInputElement).value)}
              />
            </label>
            <label>
              {t('trace.buffer')}
              <input
                type="number"
                min={0}
                max={240}
                name="buffer"
                value={buffer}
                onInput={(e) => setBuffer((e.target as HTMLInputElement).value)}
              />
            </label>
            <button type="submit">{t('trace.run')}</button>
          </form>
        )}
      </div>
      {query && chosen && <TraceView query={query} label={chosen.label} />}
    </main>
  );
}
