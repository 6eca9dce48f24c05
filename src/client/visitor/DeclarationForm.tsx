import { useState } from 'preact/hooks';
import type { Declaration, Question, Questionnaire } from '../../shared/protocol';
import { saveDeclaration, type Profile } from '../data';
import { askPersistenceOnce } from './persistence';
import { missingRequired } from '../declare/answers';
import { QuestionField, type Answer } from '../declare/QuestionField';
import type { HouseholdMember } from './useVisitorData';
import { t } from '../i18n/i18n';
import { groupHeadings } from '../declare/question-groups';

interface DeclarationFormProps {
  member: HouseholdMember;
  /** Other household members the same answers can be copied to. */
  others: Profile[];
  questionnaire: Questionnaire;
  today: string;
  onSaved: () => void;
}

/** Answers carried over from the last declaration: facts (travel, doses, test), never symptoms or the consent. */
function carriedOver(member: HouseholdMember, questions: Question[]): Record<string, Answer> {
  if (member.state.kind === 'none') return {};
  const previous = member.state.declaration.answers;
  const kept: Record<string, Answer> = {};
  for (const q of questions) {
    const answer = previous[q.id];
    if (q.kind !== 'yesno' && answer !== undefined) kept[q.id] = answer;
  }
  return kept;
}

/** The district's health declaration, generated from the cached questionnaire; saved with its version and the day. */
export function DeclarationForm({ member, others, questionnaire, today, onSaved }: DeclarationFormProps) {
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => carriedOver(member, questionnaire.questions));
  const [alsoFor, setAlsoFor] = useState<string[]>([]);
  const [missing, setMissing] = useState<string[]>([]);

  const setAnswer = (id: string, value: Answer | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setAnswers(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const unanswered = missingRequired(questionnaire, answers);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    const full: Declaration['answers'] = {};
    for (const q of questionnaire.questions) {
      const answer = answers[q.id] ?? (q.kind === 'yesno' ? false : undefined);
      if (answer !== undefined) full[q.id] = answer;
    }
    const declaration: Declaration = { version: questionnaire.version, date: today, answers: full };
    for (const id of [member.profile.id, ...alsoFor]) await saveDeclaration(id, declaration);
    void askPersistenceOnce();
    onSaved();
  };

  const headings = groupHeadings(questionnaire.questions);
  return (
    <form class="panel declaration" onSubmit={submit} data-testid="declaration-form" noValidate>
      <p class="hint">{t('visitor.declare.hint', { version: questionnaire.version })}</p>
      {questionnaire.questions.map((q, i) => {
        const heading = headings[i];
        return (
          <div key={q.id} class="question">
            {heading && <h2>{t(heading)}</h2>}
            <QuestionField
              question={q}
              value={answers[q.id]}
              onChange={(v) => setAnswer(q.id, v)}
              invalid={missing.includes(q.id)}
            />
          </div>
        );
      })}
      {missing.length > 0 && (
        <p class="error" role="alert">
          {t('visitor.declare.consentRequired')}
        </p>
      )}
      {others.length > 0 && (
        <fieldset class="choice">
          <legend>{t('visitor.declare.alsoFor')}</legend>
          {others.map((p) => (
            <label key={p.id} class="check">
              <input
                type="checkbox"
                checked={alsoFor.includes(p.id)}
                onChange={(e) =>
                  setAlsoFor(
                    (e.currentTarget as HTMLInputElement).checked
                      ? [...alsoFor, p.id]
                      : alsoFor.filter((x) => x !== p.id),
                  )
                }
              />
              <span>{p.person.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" class="big primary">
        {t('visitor.declare.save')}
      </button>
    </form>
  );
}
