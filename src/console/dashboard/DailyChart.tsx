/** Check-ins per day for the last 30 days, stacked by source, as hand-drawn SVG bars. */
import { t } from '../i18n/i18n';
import type { ConsoleKey } from '../i18n/dict';
import type { ConsoleDashboard as Dashboard } from '../../shared/console-api';

interface DailyChartProps {
  daily: Dashboard['daily'];
}

const SOURCES: { key: string; color: string }[] = [
  { key: 'cccd', color: '#0b5d3b' },
  { key: 'visitor_qr', color: '#2f8f5b' },
  { key: 'national_qr', color: '#6cbf84' },
  { key: 'self', color: '#1f6fb2' },
  { key: 'manual', color: '#d08c2f' },
  { key: 'on_behalf', color: '#b5522b' },
  { key: 'paper', color: '#7a5c99' },
];
const W = 760;
const H = 220;
const PAD_L = 40;
const PAD_B = 28;

const PAD_T = 12;

/** Rounds a maximum up to a readable axis top whose half is a whole number (2, 4, 10 × 10^n). */
function niceMax(n: number): number {
  if (n <= 4) return 4;
  const p = 10 ** Math.floor(Math.log10(n));
  return ([2, 4, 6, 8, 10].find((m) => m * p >= n) ?? 10) * p;
}

/** The chart with its legend. */
export function DailyChart({ daily }: DailyChartProps) {
  const top = niceMax(Math.max(0, ...daily.map((d) => d.total)));
  const slot = (W - PAD_L) / Math.max(1, daily.length);
  const y = (v: number) => ((H - PAD_B - PAD_T) * v) / top;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('dash.daily')} data-testid="daily-chart">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD_L} x2={W} y1={H - PAD_B - y(top * f)} y2={H - PAD_B - y(top * f)} stroke="#ddd" />
            <text x={PAD_L - 4} y={H - PAD_B - y(top * f) + 4} text-anchor="end" font-size="11">
              {Math.round(top * f)}
            </text>
          </g>
        ))}
        {daily.map((d, i) => {
          let base = H - PAD_B;
          const x = PAD_L + i * slot + slot * 0.15;
          return (
            <g key={d.date}>
              <title>{`${d.date}: ${d.total}`}</title>
              {SOURCES.map(({ key, color }) => {
                const h = y(d.bySource[key] ?? 0);
                base -= h;
                return h > 0 ? <rect key={key} x={x} y={base} width={slot * 0.7} height={h} fill={color} /> : null;
              })}
              {i % 5 === daily.length % 5 && (
                <text x={x + slot * 0.35} y={H - 8} text-anchor="middle" font-size="10">
                  {d.date.slice(8, 10)}/{d.date.slice(5, 7)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {SOURCES.map(({ key, color }) => (
          <span key={key}>
            <i style={{ background: color }} /> {t(`source.${key}` as ConsoleKey)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
