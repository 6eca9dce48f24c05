import type { Questionnaire } from '../../shared/protocol';
import type { Answers } from './answers';
import { QuestionField } from './QuestionField';
import { groupHeadings } from './question-groups';
import { t } from '../i18n/i18n';

interface QuestionnaireFieldsProps {
  questionnaire: Questionnaire;
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** Ids of required questions to mark. */
  missing?: readonly string[];
}

/**
 * The district's questionnaire as form fields, generated from its data (labels come from the questionnaire), under its
 * section headings, each yes/no section telling the guard to ask every item (an unticked one is stored as "Không").
 */
export function QuestionnaireFields({ questionnaire, answers, onChange, missing = [] }: QuestionnaireFieldsProps) {
  const set = (id: string, value: Answers[string] | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange(next);
  };
  const headings = groupHeadings(questionnaire.questions);
  return (
    <div class="questions">
      {questionnaire.questions.map((q, i) => {
        const heading = headings[i];
        return (
          <div key={q.id} data-question={q.id} class={missing.includes(q.id) ? 'invalid' : undefined}>
            {heading && <h3 class="question-group">{t(heading)}</h3>}
            {heading && q.kind === 'yesno' && q.group !== 'consent' && <p class="hint">{t('declare.askEach')}</p>}
            <QuestionField
              question={q}
              value={answers[q.id]}
              invalid={missing.includes(q.id)}
              onChange={(value) => set(q.id, value)}
            />
          </div>
        );
      })}
    </div>
  );
}
