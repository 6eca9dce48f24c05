import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ScanWarning } from '../../shared/scan/types';
import type { RecordOutcome } from './record-scan';

export interface LastPersonProps {
  outcome: RecordOutcome | null;
  /** Changes with every scan so the same outcome twice still flashes. */
  seq: number;
}

const LARGE_FOR_MS = 4_000;

/** The last scan's result, large for a few seconds so the guard can read it at arm's length. */
export function LastPerson({ outcome, seq }: LastPersonProps) {
  const [large, setLarge] = useState(true);
  useEffect(() => {
    setLarge(true);
    const timer = setTimeout(() => setLarge(false), LARGE_FOR_MS);
    return () => clearTimeout(timer);
  }, [seq]);

  if (!outcome) return null;
  if (outcome.type === 'refused') {
    return (
      <section class={`last error ${large ? 'large' : ''}`} role="alert" data-testid="last-scan">
        <p>{t(outcome.message, outcome.params)}</p>
      </section>
    );
  }
  if (outcome.type === 'save_failed') {
    return (
      <section class="last error large" role="alert" data-testid="last-scan">
        <p>{t('scan.saveFailed')}</p>
      </section>
    );
  }
  const { person, source } = outcome.checkIn;
  return (
    <section class={`last ok ${large ? 'large' : ''}`} role="status" data-testid="last-scan">
      <p class="last-label">
        ✔ {t('scan.saved')} · {t(`scan.source.${source}`)}
      </p>
      <p class="last-name" data-testid="last-name">
        {person.name}
      </p>
      <p class="last-details">
        {person.birthYear ? t('person.born', { year: person.birthYear }) : ''}
        {person.gender ? ` · ${t(`person.gender.${person.gender}`)}` : ''}
        {person.idNumber ? ` · ${person.idNumber}` : person.idMasked ? ` · ${person.idMasked}` : ''}
      </p>
      {source === 'visitor_qr' && (
        <p class={outcome.declaredOn === today() ? 'declared' : 'undeclared'}>
          {outcome.declaredOn ? t('scan.declared', { date: outcome.declaredOn }) : t('scan.noDeclaration')}
        </p>
      )}
      {outcome.warnings
        .filter((w) => w !== 'text_repaired')
        .map((w) => (
          <p class="warning" key={w}>
            ⚠ {t(`scan.warning.${w as Exclude<ScanWarning, 'text_repaired'>}`)}
          </p>
        ))}
    </section>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
