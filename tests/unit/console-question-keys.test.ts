/** Issue 12: the questionnaire editor makes keys itself from the Vietnamese wording and keeps the pledge last. */
import { describe, expect, it } from 'vitest';
import { blankDraft, fromDrafts, toDraft } from '../../src/console/config/question-draft';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default';

describe('questionnaire keys and order', () => {
  it('makes a key from the question for a new one and keeps new questions before the pledge', () => {
    const drafts = DEFAULT_QUESTIONNAIRE.questions.map(toDraft);
    drafts.push({ ...blankDraft(), labelVi: 'Đau đầu, mệt mỏi?' }, { ...blankDraft(), labelVi: 'Đau đầu mệt mỏi' });
    const built = fromDrafts(drafts);
    if (!('questions' in built)) throw new Error(`refused: ${built.problem}`);
    const ids = built.questions.map((q) => q.id);
    expect(ids.slice(-3)).toEqual(['dau_dau_met_moi', 'dau_dau_met_moi_2', 'consent']);
    expect(built.questions.at(-1)?.group).toBe('consent');
    // Existing keys are kept as they are (declarations already stored use them).
    expect(ids.slice(0, 3)).toEqual(DEFAULT_QUESTIONNAIRE.questions.slice(0, 3).map((q) => q.id));
  });
});
