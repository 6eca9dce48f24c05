import { describe, expect, it } from 'vitest';
import { blankChoices, blankDraft, fromDrafts, toDraft } from '../../src/console/config/question-draft';
import { DEFAULT_QUESTIONNAIRE } from '../../src/shared/questionnaire/default';

describe('questionnaire editor drafts', () => {
  it('round-trips the default questionnaire unchanged', () => {
    expect(fromDrafts(DEFAULT_QUESTIONNAIRE.questions.map(toDraft))).toEqual({
      questions: DEFAULT_QUESTIONNAIRE.questions,
    });
  });

  it('makes choice values from their Vietnamese wording, keeps saved ones, and drops empty rows', () => {
    const choice = {
      ...blankDraft(),
      id: 'dose',
      kind: 'choice' as const,
      labelVi: 'Mũi tiêm',
      options: [
        { value: 'one', vi: 'Một mũi', en: 'One dose' },
        { value: '', vi: 'Hai mũi', en: '' },
        { value: '', vi: ' ', en: '' },
        { value: '', vi: 'Hai  mũi!', en: 'Two' },
      ],
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
            { value: 'hai_mui', label: { vi: 'Hai mũi', en: '' } },
            { value: 'hai_mui_2', label: { vi: 'Hai  mũi!', en: 'Two' } },
          ],
        },
      ],
    });
    // A saved question reads back as the same rows, values included.
    const saved = fromDrafts([choice]);
    if (!('questions' in saved)) throw new Error(saved.problem);
    expect(toDraft(saved.questions[0]!).options.map((o) => o.value)).toEqual(['one', 'hai_mui', 'hai_mui_2']);
  });

  it('refuses bad ids, duplicates, empty labels and choices with fewer than two filled rows', () => {
    const choice = {
      ...blankDraft(),
      id: 'dose',
      kind: 'choice' as const,
      labelVi: 'Mũi tiêm',
      options: [
        { value: '', vi: 'Một mũi', en: '' },
        { value: '', vi: 'Hai mũi', en: '' },
      ],
    };
    expect(fromDrafts([{ ...choice, id: 'Sốt' }])).toEqual({ n: 1, problem: 'q.problem.id' });
    expect(fromDrafts([choice, choice])).toEqual({ n: 2, problem: 'q.problem.id' });
    expect(fromDrafts([{ ...choice, labelVi: ' ' }])).toEqual({ n: 1, problem: 'q.problem.label' });
    expect(fromDrafts([{ ...choice, options: blankChoices() }])).toEqual({ n: 1, problem: 'q.problem.options' });
    expect(fromDrafts([{ ...choice, options: choice.options.slice(0, 1) }])).toEqual({
      n: 1,
      problem: 'q.problem.options',
    });
  });
});
