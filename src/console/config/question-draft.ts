/** The questionnaire editor's working copy: questions as editable drafts, checked before saving. */
import type { Question, Questionnaire } from '../../shared/protocol';
import { riskQuestions } from '../../shared/risk/evaluate';
import type { ConsoleKey } from '../i18n/dict';
import { foldVietnamese } from '../../shared/text/fold';

/** The groups an official picks from (named in words by the editor); `consent` (the pledge) always comes last. */
export const QUESTION_GROUPS = ['symptoms', 'exposure', 'travel', 'vaccination', 'test', 'other', 'consent'] as const;

/** A key made from the Vietnamese question itself ("Đau đầu" → "dau_dau"), unique among `taken`. */
function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    foldVietnamese(label)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'q_$1')
      .slice(0, 32) || 'cau_hoi';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

export type QuestionKind = Question['kind'];
export const QUESTION_KINDS: QuestionKind[] = ['yesno', 'text', 'number', 'choice', 'date'];

/** One choice of a "one choice" question: its stored value ('' until saved, then made from the wording) and labels. */
export interface ChoiceDraft {
  value: string;
  vi: string;
  en: string;
  /** Its risk mark ("Dương tính" is a risk signal), kept as saved: the form does not edit it. */
  mark?: Pick<NonNullable<Question['options']>[number], 'risk' | 'riskLabel'>;
}

/** One question as the form edits it. */
export interface QuestionDraft {
  id: string;
  kind: QuestionKind;
  group: string;
  labelVi: string;
  labelEn: string;
  required: boolean;
  options: ChoiceDraft[];
  /** Risk at the door: a yes is a risk signal of this kind ('' = not a signal), with its short words. */
  risk: '' | 'symptom' | 'exposure';
  riskLabelVi: string;
  riskLabelEn: string;
}

/** Turns a stored question into a draft. */
export function toDraft(q: Question): QuestionDraft {
  return {
    id: q.id,
    kind: q.kind,
    group: q.group,
    labelVi: q.label.vi,
    labelEn: q.label.en,
    required: q.required ?? false,
    options: (q.options ?? []).map((o) => ({
      value: o.value,
      vi: o.label.vi,
      en: o.label.en,
      ...(o.risk ? { mark: { risk: o.risk, ...(o.riskLabel ? { riskLabel: o.riskLabel } : {}) } } : {}),
    })),
    risk: q.risk ?? '',
    riskLabelVi: q.riskLabel?.vi ?? '',
    riskLabelEn: q.riskLabel?.en ?? '',
  };
}

/**
 * Drafts of a whole questionnaire. One saved before risk marks existed shows the marks devices apply to it
 * (the default questionnaire's, by id), so saving it keeps them instead of silently dropping every signal.
 */
export function toDrafts(questionnaire: Questionnaire): QuestionDraft[] {
  const marked = questionnaire.questions.some((q) => q.risk !== undefined);
  const effective = new Map(riskQuestions(questionnaire).map((s) => [s.id, s]));
  return questionnaire.questions.map((q) => {
    const draft = toDraft(q);
    const signal = effective.get(q.id);
    if (marked || !signal) return draft;
    return { ...draft, risk: signal.kind, riskLabelVi: signal.label.vi, riskLabelEn: signal.label.en };
  });
}

/** Two empty choices, what a question turned into "one choice" starts with. */
export function blankChoices(): ChoiceDraft[] {
  return [
    { value: '', vi: '', en: '' },
    { value: '', vi: '', en: '' },
  ];
}

/**
 * The stored choices: rows without Vietnamese wording are dropped; a saved choice keeps its value (stored
 * declarations use it), a new one gets a value made from its wording, unique within the question.
 */
function choicesFromDrafts(drafts: readonly ChoiceDraft[]): NonNullable<Question['options']> {
  const rows = drafts
    .map((o) => ({ value: o.value.trim(), vi: o.vi.trim(), en: o.en.trim(), mark: o.mark }))
    .filter((o) => o.vi || o.value);
  const taken = new Set(rows.map((o) => o.value).filter(Boolean));
  return rows.map((o) => {
    const value = o.value || keyFromLabel(o.vi, taken);
    taken.add(value);
    return { value, label: { vi: o.vi || value, en: o.en }, ...(o.mark ?? {}) };
  });
}

/** A blank yes/no question. */
export function blankDraft(): QuestionDraft {
  return {
    id: '',
    kind: 'yesno',
    group: 'symptoms',
    labelVi: '',
    labelEn: '',
    required: false,
    options: [],
    risk: '',
    riskLabelVi: '',
    riskLabelEn: '',
  };
}

/** Checks the drafts and builds the questions, or returns the first problem (1-based question number). */
export function fromDrafts(
  drafts: readonly QuestionDraft[],
): { questions: Question[] } | { n: number; problem: ConsoleKey } {
  const seen = new Set<string>();
  const questions: Question[] = [];
  const taken = new Set(drafts.map((d) => d.id.trim()).filter(Boolean));
  for (const [i, d] of drafts.entries()) {
    // New questions get their key from their wording: officials are never asked for English codes.
    const id = d.id.trim() || keyFromLabel(d.labelVi, taken);
    taken.add(id);
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(id) || seen.has(id)) return { n: i + 1, problem: 'q.problem.id' };
    seen.add(id);
    if (!d.labelVi.trim()) return { n: i + 1, problem: 'q.problem.label' };
    const q: Question = {
      id,
      kind: d.kind,
      group: d.group.trim() || 'other',
      label: { vi: d.labelVi.trim(), en: d.labelEn.trim() },
    };
    if (d.required) q.required = true;
    if (d.kind === 'yesno' && d.risk) {
      q.risk = d.risk;
      if (d.riskLabelVi.trim())
        q.riskLabel = { vi: d.riskLabelVi.trim().slice(0, 60), en: d.riskLabelEn.trim().slice(0, 60) };
    }
    if (d.kind === 'choice') {
      const options = choicesFromDrafts(d.options);
      if (options.length < 2) return { n: i + 1, problem: 'q.problem.options' };
      q.options = options;
    }
    questions.push(q);
  }
  // The pledge stays last, whatever order questions were added in.
  return {
    questions: [...questions.filter((q) => q.group !== 'consent'), ...questions.filter((q) => q.group === 'consent')],
  };
}
