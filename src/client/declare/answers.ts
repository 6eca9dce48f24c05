/** Health declaration answers: defaults, validation, and the Declaration the protocol carries. */
import type { Declaration, Question, Questionnaire } from '../../shared/protocol';

export type Answers = Record<string, boolean | string | number>;

/** Every yes/no question answered "no", every other question blank. */
export function emptyAnswers(questionnaire: Questionnaire): Answers {
  const answers: Answers = {};
  for (const q of questionnaire.questions) if (q.kind === 'yesno') answers[q.id] = false;
  return answers;
}

/** The ids of required questions left unanswered (a required yes/no, like the consent line, must be "yes"). */
export function missingRequired(questionnaire: Questionnaire, answers: Answers): string[] {
  return questionnaire.questions.filter((q) => q.required && !isAnswered(q, answers[q.id])).map((q) => q.id);
}

function isAnswered(question: Question, value: Answers[string] | undefined): boolean {
  if (question.kind === 'yesno') return value === true;
  return value !== undefined && value !== '';
}

/** Builds the declaration for `date` (YYYY-MM-DD), dropping blank answers and unknown ids. */
export function toDeclaration(questionnaire: Questionnaire, answers: Answers, date: string): Declaration {
  const kept: Answers = {};
  for (const q of questionnaire.questions) {
    const value = answers[q.id];
    if (value === undefined || value === '') continue;
    kept[q.id] = q.kind === 'number' && typeof value === 'string' ? Number(value) : value;
  }
  return { version: questionnaire.version, date, answers: kept };
}
