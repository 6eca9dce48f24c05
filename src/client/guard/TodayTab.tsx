import { useState } from 'preact/hooks';
import { SOURCES } from '../../shared/protocol';
import { listSince } from '../data';
import { formatTime, t } from '../i18n/i18n';
import { useLive } from '../hooks/useLive';
import { sync } from '../app/sync-service';
import { checkOut, checkOutEveryone } from './record-scan';
import type { CheckIn, RiskKind } from '../../shared/protocol';
import '../i18n/dict-words'; // per-person check-out
import { signalSuccess } from './feedback';
import { matchesQuery, startOfLocalDay, summarizeToday } from './today-summary';

/** The words of a row's risk mark: "Có triệu chứng", "Có yếu tố dịch tễ" or both. */
function riskWords(kinds: readonly RiskKind[]): string {
  if (kinds.includes('symptom') && kinds.includes('exposure')) return t('today.risk.both');
  return t(kinds.includes('symptom') ? 'today.risk.symptom' : 'today.risk.exposure');
}

/** Today at this checkpoint: search, who is inside, counts by source, and whether each row reached the server. */
export function TodayTab() {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const locals = useLive(() => listSince(startOfLocalDay(Date.now())), [], []);
  const summary = summarizeToday(locals, Date.now());
  const rows = summary.rows.filter((r) => matchesQuery(r.arrival.checkIn.person, query));

  const closeAll = async () => {
    if (summary.inside === 0 || !confirm(t('today.confirmCheckOutAll', { count: summary.inside }))) return;
    const count = await checkOutEveryone();
    setMessage(t('today.checkedOutAll', { count }));
    sync().nudge();
  };

  const closeOne = async (visit: CheckIn) => {
    const outcome = await checkOut(visit);
    if (outcome.type !== 'checked_out') return;
    signalSuccess();
    setMessage(t('today.checkedOutOne', { name: visit.person.name, time: formatTime(Date.now()) }));
    sync().nudge();
  };

  return (
    <section class="today" data-testid="today">
      <h2>{t('today.title')}</h2>
      <p class="counts">
        <strong data-testid="today-total">{t('today.total', { count: summary.total })}</strong> ·{' '}
        <strong data-testid="today-inside">{t('today.inside', { count: summary.inside })}</strong>
      </p>
      <p class="by-source" data-testid="today-by-source">
        {t('today.bySource')}:{' '}
        {SOURCES.filter((s) => summary.bySource[s]).map((s) => (
          <span key={s} class="chip" data-source={s}>
            {t(`scan.source.${s}`)} {summary.bySource[s]}
          </span>
        ))}
      </p>
      <button class="big" disabled={summary.inside === 0} onClick={() => void closeAll()}>
        {t('today.checkOutAll')}
      </button>
      {message && <p role="status">{message}</p>}
      <input
        type="search"
        class="search"
        placeholder={t('common.search')}
        aria-label={t('common.search')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {summary.total === 0 && <p class="hint">{t('today.empty')}</p>}
      {summary.total > 0 && rows.length === 0 && <p class="hint">{t('today.noMatch')}</p>}
      <ul class="today-list">
        {rows.map(({ arrival, departure, inside }) => (
          <li
            key={arrival.checkIn.id}
            class={`${inside ? 'inside' : ''} ${arrival.risk ? 'risky-row' : ''}`.trim()}
            data-testid="today-row"
          >
            <span class="who">
              <strong>{arrival.checkIn.person.name}</strong>
              {arrival.checkIn.person.birthYear ? ` (${arrival.checkIn.person.birthYear})` : ''}
              <small> · {t(`scan.source.${arrival.checkIn.source}`)}</small>
            </span>
            {arrival.risk && (
              <span class="risk-mark" data-testid="today-risk">
                ⚠ {riskWords(arrival.risk)}
              </span>
            )}
            <span class="when">
              {t('today.in')} {formatTime(arrival.checkIn.deviceTime)}
              {departure ? ` · ${t('today.out')} ${formatTime(departure.deviceTime)}` : ''}
            </span>
            <span class={`sync-state ${arrival.status}`} data-status={arrival.status}>
              {arrival.status === 'synced'
                ? `✔ ${t('today.synced')}`
                : arrival.status === 'pending'
                  ? `… ${t('today.pending')}`
                  : `⚠ ${t('today.rejected')}`}
            </span>
            {inside && (
              <button
                type="button"
                class="check-out-one"
                data-testid="check-out-one"
                onClick={() => void closeOne(arrival.checkIn)}
              >
                {t('today.checkOutOne')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
