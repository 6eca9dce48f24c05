/** "Nothing changed": today's declaration as a copy of the last one, when the current questionnaire allows it. */
import type { Declaration, Questionnaire } from '../../shared/protocol';
import { missingRequired } from '../declare/answers';

/**
 * The last declaration's answers for today under the current questionnaire; null when a required answer would be
 * missing.
 */
export function repeatDeclaration(
  previous: Declaration,
  questionnaire: Questionnaire,
  today: string,
): Declaration | null {
  if (typeof previous.answers.yesMask === 'number') return null;
  const answers: Declaration['answers'] = {};
  for (const q of questionnaire.questions) {
    const answer = previous.answers[q.id] ?? (q.kind === 'yesno' ? false : undefined);
    if (answer !== undefined) answers[q.id] = answer;
  }
  if (missingRequired(questionnaire, answers).length > 0) return null;
  return { version: questionnaire.version, date: today, answers };
}
