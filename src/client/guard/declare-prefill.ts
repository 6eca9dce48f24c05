/** Prefills declaration answers from the yes-flags a visitor's personal QR carries. */
import type { Questionnaire } from '../../shared/protocol';
import { yesNoQuestionIds } from '../../shared/questionnaire/default';
import type { VisitorDeclaration } from '../../shared/scan/types';
import type { Answers } from '../declare/answers';

/** Sets the yes/no answers from a visitor code's flags when it answered this questionnaire version. */
export function answersPrefilled(
  questionnaire: Questionnaire,
  declaration: VisitorDeclaration,
  current: Answers,
): Answers {
  if (declaration.version !== questionnaire.version) return current;
  const next = { ...current };
  yesNoQuestionIds(questionnaire).forEach((id, i) => {
    next[id] = (declaration.flags & (2 ** i)) !== 0;
  });
  return next;
}
