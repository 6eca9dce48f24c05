import { useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/dict';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import { sync } from '../app/sync-service';
import { emptyAnswers, toDeclaration, type Answers } from '../declare/answers';
import { QuestionnaireFields } from '../declare/QuestionnaireFields';
import { signalError, signalSuccess } from './feedback';
import { localDay } from './LastPerson';
import { paperFromFields, type PaperFields, type PaperProblem } from './paper-form';
import { findPaperRow } from './paper-duplicate';
import '../i18n/dict-words'; // the paper checks' part of the dictionary
import { formatTime } from '../i18n/i18n';
import { EMPTY_PERSON_FIELDS, personFromFields, type PersonFields } from './person-form';
import { PersonFieldset } from './PersonFieldset';
import { recordPaperRow } from './record-typed';
import type { GuardContext } from './useGuardContext';
import { assessDeclaration, toRiskFlags } from '../../shared/risk/evaluate';
import { rulesOf } from '../risk/rules';
import { riskLevel, riskLines } from '../risk/risk-words';

interface PaperTabProps {
  ctx: GuardContext;
}

const blankPaper = (sheet = ''): PaperFields => ({ sheet, row: '', date: localDay(), timeIn: '', timeOut: '' });

/** Paper fallback: print blank sheets, then type each row in with its real times, sheet and row number. */
export function PaperTab({ ctx }: PaperTabProps) {
  const questionnaire = ctx.questionnaire;
  const [paper, setPaper] = useState<PaperFields>(blankPaper());
  const [fields, setFields] = useState<PersonFields>(EMPTY_PERSON_FIELDS);
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(questionnaire));
  const [errors, setErrors] = useState<Partial<Record<keyof PersonFields, MessageKey>>>({});
  const [problem, setProblem] = useState<PaperProblem | null>(null);
  /** The row already typed with this sheet and row number, until the guard says this one corrects it. */
  const [duplicate, setDuplicate] = useState<{ name: string; at: number; key: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  /** What the row just typed declared as a risk (symptoms, exposure), shown beside its status. */
  const [risk, setRisk] = useState<string[] | null>(null);
  const setP = (key: keyof PaperFields, value: string) => setPaper({ ...paper, [key]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const where = paperFromFields(paper, Date.now());
    const person = personFromFields(fields, new Date().getFullYear());
    setProblem('error' in where ? where : null);
    setErrors('errors' in person ? person.errors : {});
    if ('error' in where || 'errors' in person) return signalError();
    const key = `${where.sheet}|${where.row}|${paper.date}`;
    const earlier = await findPaperRow(ctx.enrolment.checkpoint.id, where.sheet, where.row, where.timeIn);
    // Typed twice by mistake is refused; the guard may confirm that this row corrects the earlier one.
    if (earlier && duplicate?.key !== key) {
      setDuplicate({ name: earlier.checkIn.person.name, at: earlier.savedAt, key });
      return signalError();
    }
    setDuplicate(null);
    const declaration = toDeclaration(questionnaire, answers, paper.date);
    // Judged on the sheet's own day: a row typed in the next morning was a current declaration at the door.
    const assessment = assessDeclaration(declaration, { ...rulesOf(ctx.risk), today: paper.date });
    await recordPaperRow(
      { ...where, person: person.person, declaration, risk: toRiskFlags(assessment) },
      ctx.enrolment.checkpoint.id,
    );
    setRisk(riskLevel(assessment) === 'risk' ? riskLines(assessment) : null);
    signalSuccess();
    sync().nudge();
    setStatus(t(earlier ? 'paper.corrected' : 'paper.saved', { sheet: where.sheet, row: where.row }));
    setPaper({ ...blankPaper(paper.sheet), date: paper.date, row: String(where.row + 1) });
    setFields(EMPTY_PERSON_FIELDS);
    setAnswers(emptyAnswers(questionnaire));
  };

  const paperInput = (key: keyof PaperFields, label: MessageKey, type = 'text') => (
    <label>
      <span>{t(label)}</span>
      <input
        name={key}
        type={type}
        value={paper[key]}
        inputMode={key === 'row' ? 'numeric' : undefined}
        onInput={(e) => setP(key, (e.target as HTMLInputElement).value)}
      />
    </label>
  );

  return (
    <section class="paper">
      <h2>{t('paper.title')}</h2>
      <p class="hint">{t('paper.hint')}</p>
      <button class="big" onClick={() => navigate('/guard/paper/print')}>
        {t('paper.print')}
      </button>
      <form class="panel" onSubmit={submit} data-testid="paper-form">
        {status && (
          <p role="status" data-testid="paper-status">
            {status}
          </p>
        )}
        {status && risk && (
          <p class="error" role="alert" data-testid="paper-risk">
            ⚠ {risk.join(' · ')}
          </p>
        )}
        <div class="grid2">
          {paperInput('sheet', 'paper.sheetNo')}
          {paperInput('row', 'paper.rowNo')}
          {paperInput('date', 'paper.date', 'date')}
          {paperInput('timeIn', 'paper.timeIn', 'time')}
          {paperInput('timeOut', 'paper.timeOut', 'time')}
        </div>
        {problem && (
          <p class="error" role="alert" data-testid="paper-problem">
            {t(problem.error, problem.params)}
          </p>
        )}
        {duplicate && (
          <div class="confirm error" role="alert" data-testid="paper-duplicate">
            <p>
              {t('paper.duplicate', {
                sheet: paper.sheet.trim(),
                row: paper.row.trim(),
                name: duplicate.name,
                time: formatTime(duplicate.at),
              })}
            </p>
            <div class="row">
              <button type="submit" class="primary">
                {t('paper.isCorrection')}
              </button>
              <button type="button" onClick={() => setDuplicate(null)}>
                {t('paper.notCorrection')}
              </button>
            </div>
          </div>
        )}
        <PersonFieldset fields={fields} errors={errors} onChange={setFields} />
        <QuestionnaireFields
          questionnaire={{
            ...questionnaire,
            questions: questionnaire.questions.filter((q) => q.kind === 'yesno' && q.group !== 'consent'),
          }}
          answers={answers}
          onChange={setAnswers}
        />
        <button type="submit" class="big primary">
          {t('paper.save')}
        </button>
      </form>
    </section>
  );
}
