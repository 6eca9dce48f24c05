import type { Questionnaire } from '../../shared/protocol';
import type { Answers } from './answers';
import { QuestionField } from './QuestionField';

interface QuestionnaireFieldsProps {
  questionnaire: Questionnaire;
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** Ids of required questions to mark. */
  missing?: readonly string[];
}

/** The district's questionnaire as form fields, generated from its data (labels come from the questionnaire). */
export function QuestionnaireFields({ questionnaire, answers, onChange, missing = [] }: QuestionnaireFieldsProps) {
  const set = (id: string, value: Answers[string] | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange(next);
  };
  return (
    <div class="questions">
      {questionnaire.questions.map((q) => (
        <div key={q.id} data-question={q.id} class={missing.includes(q.id) ? 'invalid' : undefined}>
          <QuestionField
            question={q}
            value={answers[q.id]}
            invalid={missing.includes(q.id)}
            onChange={(value) => set(q.id, value)}
          />
        </div>
      ))}
    </div>
  );
}
