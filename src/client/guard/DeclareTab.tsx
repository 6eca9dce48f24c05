import { useEffect, useRef, useState } from 'preact/hooks';
import { classifyScan } from '../../shared/scan/classify';
import { answersPrefilled } from './declare-prefill';
import { emptyAnswers, missingRequired, toDeclaration, type Answers } from '../declare/answers';
import { QuestionnaireFields } from '../declare/QuestionnaireFields';
import type { MessageKey } from '../i18n/dict';
import { formatTime, t } from '../i18n/i18n';
import { sync } from '../app/sync-service';
import { duringScan } from '../update/sw-register';
import { signalError, signalRisk, signalSuccess } from './feedback';
import { riskLevel } from '../risk/risk-words';
import { localDay } from './LastPerson';
import { EMPTY_PERSON_FIELDS, fieldsFromPerson, personFromFields, type PersonFields } from './person-form';
import { PersonFieldset } from './PersonFieldset';
import { recordOnBehalf } from './record-typed';
import { checkOut } from './record-scan';
import type { CheckIn, Declaration, Person, RiskFlags } from '../../shared/protocol';
import '../i18n/dict-visit';
import { ScannerPanel } from './ScannerPanel';
import { TurnAwayButton } from './TurnAwayButton';
import type { GuardContext } from './useGuardContext';
import { useWedge } from './useWedge';
import { assessDeclaration, toRiskFlags, type RiskAssessment } from '../../shared/risk/evaluate';
import { RiskNotice } from '../risk/RiskNotice';
import { rulesOf } from '../risk/rules';
import { revealAndHold } from './reveal';

/** A declaration the guard submitted, ready to store. */
interface PendingDeclaration {
  person: Person;
  declaration: Declaration;
  assessment: RiskAssessment;
  flags: RiskFlags | undefined;
}

/** The person was already inside: their open visit, and the declaration that was not stored. */
interface Inside {
  visit: CheckIn;
  pending: PendingDeclaration;
}

interface DeclareTabProps {
  ctx: GuardContext;
}

/** Khai hộ: the guard fills the district's health declaration for a visitor without a smartphone. */
export function DeclareTab({ ctx }: DeclareTabProps) {
  const questionnaire = ctx.questionnaire;
  const [fields, setFields] = useState<PersonFields>(EMPTY_PERSON_FIELDS);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonFields, MessageKey>>>({});
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(questionnaire));
  const [missing, setMissing] = useState<string[]>([]);
  const [scanning, setScanning] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [inside, setInside] = useState<Inside | null>(null);
  const [risk, setRisk] = useState<RiskAssessment | null>(null);
  /** The declaration shown in `risk` was saved as an arrival (not refused because the person is inside). */
  const [saved, setSaved] = useState(false);
  /** A symptomatic person just declared: the guard may turn them away (their visit ends at once). */
  const [turnAway, setTurnAway] = useState<CheckIn | null>(null);
  /** Counts results, so each one (saved or refused) is brought into view, even twice the same. */
  const [results, setResults] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  // The result is at the top of a long form, the button that saved it at the bottom: show the result.
  useEffect(() => (results > 0 ? revealAndHold(resultRef.current) : undefined), [results]);

  const prefill = (text: string) => {
    const result = classifyScan(text);
    if (result.kind !== 'cccd' && result.kind !== 'national' && result.kind !== 'visitor') return signalError();
    setFields(fieldsFromPerson(result.person));
    if (result.kind === 'visitor' && result.declaration)
      setAnswers(answersPrefilled(questionnaire, result.declaration, answers));
    setScanning(false);
    setStatus(t('declare.prefilled'));
    setRisk(null);
    signalSuccess();
  };
  useWedge(prefill, !scanning);

  /** Saves the declaration as this person's arrival, or says they are already inside (nothing saved). */
  const record = async (pending: PendingDeclaration, now: number) => {
    const outcome = await duringScan(() =>
      recordOnBehalf(pending.person, pending.declaration, ctx.enrolment.checkpoint.id, now, pending.flags),
    );
    setInside(outcome.type === 'repeat' ? { visit: outcome.visit, pending } : null);
    setSaved(outcome.type === 'saved');
    setResults((n) => n + 1);
    if (outcome.type === 'repeat') {
      // Already inside: the open visit keeps its own declaration; the screen says so and offers to end it
      // and store this one. What it tells the person (stay home, call the health station) is still shown.
      setStatus(t('declare.notSavedInside', { time: formatTime(outcome.visit.deviceTime) }));
      setRisk(riskLevel(pending.assessment) === 'risk' ? pending.assessment : null);
      return signalError();
    }
    if (outcome.type !== 'saved') return signalError();
    setRisk(pending.assessment);
    const risky = riskLevel(pending.assessment) === 'risk';
    setTurnAway(risky ? outcome.checkIn : null);
    if (risky) signalRisk();
    else signalSuccess();
    sync().nudge();
    setStatus(t('declare.saved', { name: pending.person.name }));
    setFields(EMPTY_PERSON_FIELDS);
    setAnswers(emptyAnswers(questionnaire));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const person = personFromFields(fields, new Date().getFullYear());
    const missingNow = missingRequired(questionnaire, answers);
    setErrors('errors' in person ? person.errors : {});
    setMissing(missingNow);
    if ('errors' in person || missingNow.length > 0) return signalError();
    setTurnAway(null);
    const declaration = toDeclaration(questionnaire, answers, localDay());
    const assessment = assessDeclaration(declaration, rulesOf(ctx.risk));
    await record({ person: person.person, declaration, assessment, flags: toRiskFlags(assessment) }, Date.now());
  };

  /** Ends the open visit, then stores the declaration as a new arrival a moment later. */
  const checkOutAndRecord = async ({ visit, pending }: Inside) => {
    const now = Date.now();
    const out = await checkOut(visit, now);
    if (out.type !== 'checked_out') return signalError();
    await record(pending, now + 1);
  };

  const checkOutOnly = async ({ visit }: Inside) => {
    const out = await checkOut(visit);
    setInside(null);
    if (out.type === 'checked_out') setStatus(t('visit.checkedOut', { name: visit.person.name }));
  };

  return (
    <form class="panel" onSubmit={submit} data-testid="declare-form">
      <h2>{t('declare.title')}</h2>
      <p class="hint">{t('declare.hint')}</p>
      <div class="declare-result" ref={resultRef}>
        {status && (
          <p role="status" class={inside ? 'error' : 'ok-text'} data-testid="declare-status">
            {status}
          </p>
        )}
        {inside && (
          <div class="row">
            <button
              type="button"
              class="big primary"
              data-testid="redeclare"
              onClick={() => void checkOutAndRecord(inside)}
            >
              {t('declare.checkOutAndSave')}
            </button>{' '}
            <button type="button" class="big" onClick={() => void checkOutOnly(inside)}>
              {t('scan.checkOutNow')}
            </button>
          </div>
        )}
        {risk && (
          <div data-testid="declare-risk">
            <RiskNotice assessment={risk} view={ctx.risk} audience="guard" recorded={saved && !!turnAway} />
          </div>
        )}
        {turnAway && (
          <TurnAwayButton
            visit={turnAway}
            onDone={() => {
              setTurnAway(null);
              setStatus(t('risk.turnedAway', { name: turnAway.person.name }));
            }}
          />
        )}
      </div>
      {scanning ? (
        <ScannerPanel onText={prefill} onCameraError={() => setScanning(false)} />
      ) : (
        <button type="button" class="big" onClick={() => setScanning(true)}>
          {t('declare.scanCard')}
        </button>
      )}
      <PersonFieldset fields={fields} errors={errors} onChange={setFields} />
      <h3>{t('declare.questions', { version: questionnaire.version })}</h3>
      <QuestionnaireFields questionnaire={questionnaire} answers={answers} onChange={setAnswers} missing={missing} />
      {missing.length > 0 && <p class="error">{t('declare.consentRequired')}</p>}
      <button type="submit" class="big primary">
        {t('declare.save')}
      </button>
    </form>
  );
}
