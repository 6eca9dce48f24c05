/**
 * Risk at the door: which answers of a declaration are risk signals (the questionnaire says so, as data),
 * whether the declaration is current, stale or missing (the district's validity in days), and the flags a
 * check-in carries to the server. Pure: runs on the guard device, the visitor's phone and the server.
 */
import type { Declaration, Question, Questionnaire, RiskFlags, RiskKind } from '../protocol';
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../questionnaire/default';
import type { VisitorDeclaration } from '../scan/types';

/** One risk question answered yes, with the words the door shows. */
export interface RiskSignal {
  id: string;
  kind: RiskKind;
  label: { vi: string; en: string };
}

/** What the door says about a person's declaration. */
export interface RiskAssessment {
  status: RiskFlags['status'];
  /** `YYYY-MM-DD` of the declaration, null when missing. */
  date: string | null;
  /** Whole days from the declaration's day to today, null when missing. */
  ageDays: number | null;
  signals: RiskSignal[];
  /** Kinds of signal present (from the signals, or from a personal QR's summary when the answers are unreadable). */
  kinds: RiskKind[];
  /** Declared, but for a questionnaire version this device cannot read. */
  unknownAnswers: boolean;
}

/** What the assessment needs to know about the district. */
export interface RiskRules {
  questionnaire: Questionnaire;
  /** Today, `YYYY-MM-DD` in local time. */
  today: string;
  /** A declaration is valid this many days (1 = only on the day it was made). */
  validDays: number;
}

/** The district default: a declaration is valid on the day it was made. */
export const DEFAULT_VALID_DAYS = 1;

const DEFAULT_MARKS = new Map(DEFAULT_QUESTIONNAIRE.questions.filter((q) => q.risk).map((q) => [q.id, q]));

/**
 * The risk questions of a questionnaire. A questionnaire that marks none (saved before risk marks
 * existed) borrows the default questionnaire's marks for the questions it shares with it by id.
 */
export function riskQuestions(questionnaire: Questionnaire): RiskSignal[] {
  const yesno = questionnaire.questions.filter((q) => q.kind === 'yesno');
  const marked = yesno.some((q) => q.risk !== undefined);
  const out: RiskSignal[] = [];
  for (const q of yesno) {
    const source: Question | undefined = marked ? q : DEFAULT_MARKS.get(q.id);
    if (!source?.risk) continue;
    out.push({ id: q.id, kind: source.risk, label: shortLabel(q, source) });
  }
  return out;
}

type ChoiceOption = NonNullable<Question['options']>[number];

/** The default questionnaire's risk options, by question id and value. */
const DEFAULT_OPTION_MARKS = new Map(
  DEFAULT_QUESTIONNAIRE.questions.flatMap((q) =>
    (q.options ?? []).filter((o) => o.risk).map((o) => [`${q.id}\u0000${o.value}`, o] as const),
  ),
);

/**
 * The risk answers of the choice questions: an option marked as a risk ("Dương tính") is a signal under its
 * question's id. A question none of whose options is marked (saved before options could be) borrows the default
 * questionnaire's marks for the same question id and value.
 */
function riskChoices(questionnaire: Questionnaire): { signal: RiskSignal; values: Set<string> }[] {
  const out: { signal: RiskSignal; values: Set<string> }[] = [];
  for (const q of questionnaire.questions) {
    if (q.kind !== 'choice' || !q.options) continue;
    const marked = q.options.some((o) => o.risk !== undefined);
    const risky = q.options.flatMap((o): [ChoiceOption, ChoiceOption][] => {
      const source = marked ? o : DEFAULT_OPTION_MARKS.get(`${q.id}\u0000${o.value}`);
      return source?.risk ? [[o, source]] : [];
    });
    const first = risky[0];
    if (!first) continue;
    const [option, source] = first;
    const label = source.riskLabel?.vi ? source.riskLabel : option.label;
    out.push({
      signal: { id: q.id, kind: source.risk as RiskKind, label },
      values: new Set(risky.map(([o]) => o.value)),
    });
  }
  return out;
}

/** Every risk signal a questionnaire can give: its risk yes/no questions, then its risk choices. */
export function riskSignals(questionnaire: Questionnaire): RiskSignal[] {
  return [...riskQuestions(questionnaire), ...riskChoices(questionnaire).map((c) => c.signal)];
}

function shortLabel(q: Question, source: Question): { vi: string; en: string } {
  const short = q.riskLabel ?? source.riskLabel;
  return short && short.vi ? { vi: short.vi, en: short.en || q.label.en } : q.label;
}

/**
 * The risk questions answered yes (`true`, or a set bit of a personal QR's `yesMask`), then the risk options chosen
 * (full answers only: a personal QR carries no choice, its risk summary tells instead).
 */
function signalsOf(questionnaire: Questionnaire, answers: Declaration['answers']): RiskSignal[] {
  const mask = typeof answers.yesMask === 'number' ? answers.yesMask : null;
  const order = mask === null ? [] : yesNoQuestionIds(questionnaire);
  const yes = riskQuestions(questionnaire).filter((s) =>
    mask === null ? answers[s.id] === true : bitSet(mask, order.indexOf(s.id)),
  );
  if (mask !== null) return yes;
  const chosen = riskChoices(questionnaire).filter((c) => {
    const answer = answers[c.signal.id];
    return typeof answer === 'string' && c.values.has(answer);
  });
  return [...yes, ...chosen.map((c) => c.signal)];
}

function bitSet(mask: number, index: number): boolean {
  return index >= 0 && Math.floor(mask / 2 ** index) % 2 === 1;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(a) || Number.isNaN(b))
    return null;
  return Math.round((b - a) / 86_400_000);
}

function kindsOf(signals: readonly RiskSignal[]): RiskKind[] {
  return kindsOfList(signals.map((s) => s.kind));
}

/** The kinds present, in their fixed order. */
function kindsOfList(kinds: readonly RiskKind[]): RiskKind[] {
  return (['symptom', 'exposure'] as const).filter((k) => kinds.includes(k));
}

const MISSING: RiskAssessment = {
  status: 'missing',
  date: null,
  ageDays: null,
  signals: [],
  kinds: [],
  unknownAnswers: false,
};

/** Staleness of a declaration's day; a day in the future (a skewed clock) counts as today. */
function freshness(date: string, rules: RiskRules): { status: 'current' | 'stale'; ageDays: number } {
  const age = Math.max(0, daysBetween(date, rules.today) ?? Number.MAX_SAFE_INTEGER);
  return { status: age < Math.max(1, rules.validDays) ? 'current' : 'stale', ageDays: Math.min(age, 36_500) };
}

/** Assesses a full declaration (khai hộ, the visitor's own, a self check-in). */
export function assessDeclaration(declaration: Declaration | null | undefined, rules: RiskRules): RiskAssessment {
  if (!declaration) return MISSING;
  const fresh = freshness(declaration.date, rules);
  if (declaration.version !== rules.questionnaire.version && typeof declaration.answers.yesMask === 'number') {
    return { ...fresh, date: declaration.date, signals: [], kinds: [], unknownAnswers: true };
  }
  // Answers by question id stay readable across versions for the ids both versions share.
  const signals = signalsOf(rules.questionnaire, declaration.answers);
  return { ...fresh, date: declaration.date, signals, kinds: kindsOf(signals), unknownAnswers: false };
}

/**
 * Assesses the declaration a personal QR carries: its flags are read with the questionnaire of the same
 * version; otherwise the code's own risk summary (written by the visitor's phone) gives the kinds.
 */
export function assessVisitorDeclaration(
  declaration: VisitorDeclaration | null | undefined,
  rules: RiskRules,
): RiskAssessment {
  if (!declaration) return MISSING;
  const fresh = freshness(declaration.date, rules);
  if (declaration.version === rules.questionnaire.version) {
    const signals = signalsOf(rules.questionnaire, { yesMask: declaration.flags });
    // The phone's summary also counts what the flags cannot carry (a positive test is a choice, not a yes).
    const kinds = [...new Set([...kindsOf(signals), ...(declaration.risk ?? [])])];
    return { ...fresh, date: declaration.date, signals, kinds: kindsOfList(kinds), unknownAnswers: false };
  }
  const kinds = declaration.risk ? [...declaration.risk] : [];
  return { ...fresh, date: declaration.date, signals: [], kinds, unknownAnswers: declaration.risk === undefined };
}

/** True when the door may show the green tick: a current declaration, read, with no risk signal. */
export function isClear(a: RiskAssessment): boolean {
  return a.status === 'current' && !a.unknownAnswers && a.kinds.length === 0;
}

/** The flags a check-in carries to the server. */
export function toRiskFlags(a: RiskAssessment): RiskFlags {
  const flags: RiskFlags = { status: a.status, kinds: [...a.kinds], signals: a.signals.map((s) => s.id) };
  if (a.ageDays !== null) flags.ageDays = a.ageDays;
  if (a.unknownAnswers) flags.unknownAnswers = true;
  return flags;
}

/** The kinds of signal a declaration's answers hold (for a personal QR's risk summary). */
export function riskKindsOf(declaration: Declaration, questionnaire: Questionnaire): RiskKind[] {
  return kindsOf(signalsOf(questionnaire, declaration.answers));
}
