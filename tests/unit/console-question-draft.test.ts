import { describe, expect, it } from 'vitest';
import { blankDraft, fromDrafts, toDraft } from '../../src/console/config/question-draft';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default';

describe('questionnaire editor drafts', () => {
  it('round-trips the default questionnaire unchanged', () => {
    expect(fromDrafts(DEFAULT_QUESTIONNAIRE.questions.map(toDraft))).toEqual({
      questions: DEFAULT_QUESTIONNAIRE.questions,
    });
  });

  it('reads choice lines and refuses bad ids, duplicates, empty labels and one-option choices', () => {
    const choice = {
      ...blankDraft(),
      id: 'dose',
      kind: 'choice' as const,
      labelVi: 'Mũi tiêm',
      options: 'one | Một mũi | One dose\ntwo | Hai mũi',
    };
    expect(fromDrafts([choice])).toEqual({
      questions: [
        {
          id: 'dose',
          kind: 'choice',
          group: 'symptoms',
          label: { vi: 'Mũi tiêm', en: '' },
          options: [
            { value: 'one', label: { vi: 'Một mũi', en: 'One dose' } },
            { value: 'two', label: { vi: 'Hai mũi', en: '' } },
          ],
        },
      ],
    });
    expect(fromDrafts([{ ...choice, id: 'Sốt' }])).toEqual({ n: 1, problem: 'q.problem.id' });
    expect(fromDrafts([choice, choice])).toEqual({ n: 2, problem: 'q.problem.id' });
    expect(fromDrafts([{ ...choice, labelVi: ' ' }])).toEqual({ n: 1, problem: 'q.problem.label' });
    expect(fromDrafts([{ ...choice, options: 'one | Một' }])).toEqual({ n: 1, problem: 'q.problem.options' });
  });
});
