/**
 * The district's figures over the outbreak's days: bars of F1 under follow-up, lines of new cases and conversions
 * (SVG).
 */
import { t } from '../i18n/i18n';
import type { DailyReport } from '../../shared/outbreak-api';

interface ReportChartProps {
  series: DailyReport['series'];
  /** What the figures cover, read out by screen readers ("Diễn biến theo ngày (xã Thọ Dân)"). */
  title: string;
}

const W = 720;
const H = 220;
const PAD = 32;

/** The chart. */
export function ReportChart({ series, title }: ReportChartProps) {
  const max = Math.max(1, ...series.map((d) => Math.max(d.underFollowup, d.newCases, d.lost, d.completed)));
  const step = (W - 2 * PAD) / Math.max(1, series.length);
  const y = (n: number) => H - PAD - (n / max) * (H - 2 * PAD);
  const line = (k: 'newCases' | 'lost' | 'completed') =>
    series.map((d, i) => `${PAD + i * step + step / 2},${y(d[k])}`).join(' ');
  return (
    <figure class="ob-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#888" />
        <text x={4} y={PAD} font-size="11">
          {max}
        </text>
        {series.map((d, i) => (
          <g key={d.day}>
            <rect
              x={PAD + i * step + 2}
              y={y(d.underFollowup)}
              width={Math.max(2, step - 4)}
              height={H - PAD - y(d.underFollowup)}
              fill="#9cc9ae"
            >
              <title>{`${d.day}: ${d.underFollowup}`}</title>
            </rect>
            {(series.length <= 16 || i % Math.ceil(series.length / 16) === 0) && (
              <text x={PAD + i * step + step / 2} y={H - PAD + 14} font-size="10" text-anchor="middle">
                {d.day.slice(8)}/{d.day.slice(5, 7)}
              </text>
            )}
          </g>
        ))}
        <polyline points={line('newCases')} fill="none" stroke="#b5222b" stroke-width="2" />
        <polyline points={line('lost')} fill="none" stroke="#d08c2f" stroke-width="2" stroke-dasharray="4 3" />
        <polyline points={line('completed')} fill="none" stroke="#1f6fb2" stroke-width="2" />
      </svg>
      <figcaption>
        <span class="swatch" style="background:#9cc9ae" /> {t('ob.fig.underFollowup')} ·{' '}
        <span class="swatch" style="background:#b5222b" /> {t('ob.fig.newCases')} ·{' '}
        <span class="swatch" style="background:#1f6fb2" /> {t('ob.fig.completed')} ·{' '}
        <span class="swatch" style="background:#d08c2f" /> {t('ob.fig.lost')}
      </figcaption>
    </figure>
  );
}
