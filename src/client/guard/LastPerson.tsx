import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ScanWarning } from '../../shared/scan/types';
import { formatTime, t } from '../i18n/i18n';
import type { RecordOutcome } from './record-scan';
import { RiskNotice } from '../risk/RiskNotice';
import { riskLevel, riskLines } from '../risk/risk-words';
import { assessmentFromFlags, type RiskView } from '../risk/rules';
import { useStanding } from '../device/standing';
import { showDay } from '../visitor/dates';
import { revealAndHold } from './reveal';

interface LastPersonProps {
  outcome: RecordOutcome | null;
  /** Changes with every scan so the same outcome twice still flashes. */
  seq: number;
  /** Buttons offered under the result (check out, companions). */
  actions?: ComponentChildren;
  /** Risk at the door: how to word the check-in's risk flags (the card says nothing of risk without it). */
  risk?: RiskView;
}

const LARGE_FOR_MS = 4_000;

/** The last scan's result, large for a few seconds so the guard can read it at arm's length. */
export function LastPerson({ outcome, seq, actions, risk }: LastPersonProps) {
  const [large, setLarge] = useState(true);
  const revoked = useStanding()?.revoked ?? false;
  /** The verdict and the name: brought on screen after each new result, wherever the page was scrolled. */
  const head = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setLarge(true);
    const timer = setTimeout(() => setLarge(false), LARGE_FOR_MS);
    return () => clearTimeout(timer);
  }, [seq]);
  useEffect(() => revealAndHold(head.current), [seq]);

  if (!outcome) return null;
  const size = large ? 'large' : '';
  if (outcome.type === 'refused' || outcome.type === 'save_failed') {
    return (
      <section class={`last error ${size}`} role="alert" data-testid="last-scan" data-outcome={outcome.type}>
        <div class="last-head" ref={head}>
          <p>{outcome.type === 'refused' ? t(outcome.message, outcome.params) : t('scan.saveFailed')}</p>
        </div>
      </section>
    );
  }
  const checkIn = outcome.type === 'repeat' ? outcome.visit : outcome.checkIn;
  const { person, source } = checkIn;
  const assessment =
    risk && checkIn.risk && outcome.type !== 'checked_out'
      ? assessmentFromFlags(checkIn.risk, risk.questionnaire)
      : null;
  const level = assessment ? riskLevel(assessment) : 'clear';
  // A revoked device's scan is kept but not trusted: that outranks any risk tone.
  const tone = revoked
    ? 'error'
    : outcome.type === 'repeat' || level === 'stale'
      ? 'notice'
      : level === 'risk'
        ? 'risk'
        : 'ok';
  return (
    <section
      class={`last ${tone} ${size}`}
      data-risk={assessment ? level : undefined}
      role="status"
      data-testid="last-scan"
      data-outcome={outcome.type}
    >
      <div class="last-head" ref={head}>
        <p class="last-label">
          {outcome.type === 'saved' &&
            (revoked
              ? `⚠ ${t('scan.savedRevoked')}`
              : assessment && level !== 'clear'
                ? // The risk comes first, on the card's top line: it stays on screen under the camera.
                  `⚠ ${riskLines(assessment)[0] ?? t('scan.saved')} · ${t(`scan.source.${source}`)}`
                : `✔ ${t('scan.saved')} · ${t(`scan.source.${source}`)}`)}
          {outcome.type === 'checked_out' && `⇦ ${t('scan.checkedOut')}`}
          {outcome.type === 'repeat' && `↻ ${t('scan.repeat', { time: formatTime(outcome.visit.deviceTime) })}`}
        </p>
        <p class="last-name" data-testid="last-name">
          {person.name}
        </p>
      </div>
      <p class="last-details">
        {[
          person.birthYear ? t('person.born', { year: person.birthYear }) : '',
          person.gender ? t(`person.gender.${person.gender}`) : '',
          person.idNumber ?? person.idMasked ?? '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {assessment && risk && (
        <RiskNotice
          assessment={assessment}
          view={risk}
          audience="guard"
          recorded={outcome.type === 'saved' && checkIn.kind === 'in' && !revoked}
        />
      )}
      {!assessment && outcome.type === 'saved' && source === 'visitor_qr' && (
        <p class={outcome.declaredOn === localDay() ? 'declared' : 'undeclared'}>
          {outcome.declaredOn ? t('scan.declared', { date: showDay(outcome.declaredOn) }) : t('scan.noDeclaration')}
        </p>
      )}
      {outcome.type === 'saved' &&
        outcome.warnings
          .filter((w): w is Exclude<ScanWarning, 'text_repaired'> => w !== 'text_repaired')
          .map((w) => (
            <p class="warning" key={w}>
              ⚠ {t(`scan.warning.${w}`)}
            </p>
          ))}
      {actions && <div class="row">{actions}</div>}
    </section>
  );
}

/** Today as `YYYY-MM-DD` in local time. */
export function localDay(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
