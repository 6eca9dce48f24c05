import { getLang, t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import type { GuardContext } from './useGuardContext';

interface PaperSheetProps {
  ctx: GuardContext;
  /** Rows per A4 sheet. */
  rows?: number;
}

const COLUMNS = [
  'paper.col.no',
  'paper.col.name',
  'paper.col.birthYear',
  'paper.col.gender',
  'paper.col.phone',
  'paper.col.id',
  'paper.col.address',
] as const;

/**
 * A blank A4 declaration sheet (landscape, one page: words.css) for when every device is down; printed with the
 * browser.
 */
export function PaperSheet({ ctx, rows = 15 }: PaperSheetProps) {
  const ticks = ctx.questionnaire.questions.filter((q) => q.kind === 'yesno' && q.group !== 'consent');
  return (
    <main class="paper-sheet">
      <div class="no-print row">
        <button class="big" onClick={() => navigate('/guard/paper')}>
          {t('paper.back')}
        </button>
        <button class="big primary" onClick={() => print()}>
          {t('paper.printNow')}
        </button>
      </div>
      <h1>{t('paper.sheetHeading', { checkpoint: ctx.enrolment.checkpoint.name })}</h1>
      <p>
        {t('paper.sheetLine')} · {ctx.enrolment.checkpoint.code}
      </p>
      <p>{t('paper.legend')}</p>
      <div class="sheet-scroll">
        <table data-testid="paper-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} class={`col-${c.slice('paper.col.'.length)}`}>
                  {t(c)}
                </th>
              ))}
              {ticks.map((q) => (
                <th key={q.id} class="tick">
                  {q.label[getLang()] || q.label.vi}
                </th>
              ))}
              <th class="col-in">{t('paper.col.in')}</th>
              <th class="col-out">{t('paper.col.out')}</th>
              <th class="col-signature">{t('paper.col.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {Array.from({ length: COLUMNS.length - 1 + ticks.length + 3 }, (_, j) => (
                  <td key={j} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="consent">{t('paper.consent')}</p>
    </main>
  );
}
