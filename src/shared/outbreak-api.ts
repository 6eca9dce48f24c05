/**
 * The outbreak console API (`/api/admin/outbreak/...`): confirmed cases (F0), their investigations,
 * follow-up of confirmed F1 by the commune health station, the chain of transmission and the daily
 * report. Request schemas are valibot (validators + types); answer types are shared by server and console.
 */
import * as v from 'valibot';
import type { ContactPlace } from './tracing-api';

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(1_577_836_800_000), v.maxValue(4_102_444_800_000));
const personKey = v.pipe(v.string(), v.minLength(3), v.maxLength(300));
const text = (max: number, min = 0) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(min, 'must not be empty'),
    v.maxLength(max, `longer than ${max} characters`),
  );

/** True when `day` is a day that exists on the calendar, written `YYYY-MM-DD` (2020–2099, the range of times above). */
function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2020 && y <= 2099 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
const dayKey = v.pipe(v.string(), v.check(isCalendarDay, 'not a calendar day (YYYY-MM-DD)'));

export const TEST_TYPES = ['pcr', 'rapid'] as const;
export type TestType = (typeof TEST_TYPES)[number];
export const ISOLATION_PLACES = ['home', 'centralised', 'hospital'] as const;
export type IsolationPlace = (typeof ISOLATION_PLACES)[number];
export const RELATIONSHIPS = ['household', 'work', 'social', 'care', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const TEST_RESULTS = ['negative', 'positive', 'pending'] as const;
export type TestResult = (typeof TEST_RESULTS)[number];

/** District rules for outbreaks (stored beside the district settings, keys prefixed `outbreak.`). */
export interface OutbreakSettings {
  /** Infectious window starts this many days before symptom onset (or the test when there are no symptoms). */
  infectiousDaysBefore: number;
  /** Follow-up lasts this many days from the last exposure (14; 7 and 10 were also used). */
  followUpDays: number;
  /** A contact not reached for this many days is lost to follow-up. */
  lostAfterDays: number;
  /** Follow-up days on which a test is due (day 1 = the day after the last exposure). */
  testDays: number[];
  /** Health data is deleted this many days after the follow-up ended (retention job). */
  keepDaysAfterEnd: number;
}

export const DEFAULT_OUTBREAK_SETTINGS: OutbreakSettings = {
  infectiousDaysBefore: 2,
  followUpDays: 14,
  lostAfterDays: 3,
  testDays: [1, 7, 14],
  keepDaysAfterEnd: 30,
};

const days = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));

/** PUT /api/admin/outbreak/settings: any subset. */
export const OutbreakSettingsSchema = v.partial(
  v.object({
    infectiousDaysBefore: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(14)),
    followUpDays: days(28),
    lostAfterDays: days(14),
    testDays: v.pipe(v.array(days(28)), v.maxLength(10)),
    keepDaysAfterEnd: days(365),
  }),
);

/** POST /api/admin/outbreak/cases: register a confirmed case from people found in tracing search. */
export const RegisterCaseSchema = v.object({
  personKeys: v.pipe(v.array(personKey), v.minLength(1), v.maxLength(20)),
  confirmedAt: epochMs,
  testType: v.picklist(TEST_TYPES),
  /** Said outright: true for "no symptoms" (then no onset), false for a symptomatic case (then an onset). */
  asymptomatic: v.boolean(),
  /** Symptom onset; null exactly when `asymptomatic` (see `onsetProblem`). */
  onsetAt: v.nullable(epochMs),
  isolation: v.picklist(ISOLATION_PLACES),
  /** When isolation began (the window's end); default the confirmation. */
  isolatedAt: v.optional(v.nullable(epochMs), null),
});

/**
 * The reason code (src/shared/reasons.ts) a case body's symptoms are refused for, or null: a symptomatic case needs its
 * onset (the infectious window starts from it, not from the test), and "no symptoms" has none.
 */
export function onsetProblem(c: {
  asymptomatic: boolean;
  onsetAt: number | null;
}): 'onset_required' | 'onset_not_asymptomatic' | null {
  if (!c.asymptomatic && c.onsetAt === null) return 'onset_required';
  if (c.asymptomatic && c.onsetAt !== null) return 'onset_not_asymptomatic';
  return null;
}

/** PUT /api/admin/outbreak/cases/:id/window: the tracer adjusts the infectious window of one case. */
export const CaseWindowSchema = v.pipe(
  v.object({ start: epochMs, end: epochMs }),
  v.check((w) => w.end > w.start, 'the window must end after it starts'),
  v.check((w) => w.end - w.start <= 31 * 86_400_000, 'the window may span at most 31 days'),
);

/** POST /api/admin/outbreak/contacts/:id/decision. */
export const ContactDecisionSchema = v.object({
  decision: v.picklist(['confirm', 'dismiss']),
  reason: text(300),
  /** The commune to follow a confirmed contact in, when neither address, checkpoint nor case gives one. */
  unitId: v.optional(text(64, 1)),
});

/** POST /api/admin/outbreak/cases/:id/contacts: a contact typed in by hand (met at home, not at a checkpoint). */
export const ManualContactSchema = v.object({
  name: text(100, 2),
  phone: v.optional(v.nullable(text(20)), null),
  address: v.optional(v.nullable(text(300)), null),
  relationship: v.picklist(RELATIONSHIPS),
  lastExposure: epochMs,
  /** The commune to follow the contact in; by default from the address, else the case's commune. */
  unitId: v.optional(text(64, 1)),
});

/** POST /api/admin/outbreak/followups/:id/entries: one day's call. */
export const FollowupEntrySchema = v.object({
  reached: v.boolean(),
  symptoms: v.optional(v.nullable(text(300)), null),
  testType: v.optional(v.nullable(v.picklist(TEST_TYPES)), null),
  testResult: v.optional(v.nullable(v.picklist(TEST_RESULTS)), null),
  location: v.optional(v.nullable(v.picklist(ISOLATION_PLACES)), null),
  note: v.optional(v.nullable(text(500)), null),
});
export type FollowupEntryInput = v.InferOutput<typeof FollowupEntrySchema>;

/** POST /api/admin/outbreak/followups/:id/reassign: another commune's health station takes over. */
export const ReassignSchema = v.object({ unitId: text(64, 1) });

/** POST /api/admin/outbreak/followups/:id/convert: a positive test makes the contact a case. */
export const ConvertSchema = v.object({
  confirmedAt: epochMs,
  testType: v.picklist(TEST_TYPES),
  /** As in RegisterCaseSchema. */
  asymptomatic: v.boolean(),
  onsetAt: v.nullable(epochMs),
  isolation: v.picklist(ISOLATION_PLACES),
  /** When isolation began (the window's end); default the confirmation. */
  isolatedAt: v.optional(v.nullable(epochMs), null),
});

/** GET query of the call list, report and chain: optional commune and day/date range. */
export const OutbreakQuerySchema = v.object({
  unit: v.optional(text(64, 1)),
  day: v.optional(dayKey),
  from: v.optional(dayKey),
  to: v.optional(dayKey),
});
export type OutbreakQuery = v.InferOutput<typeof OutbreakQuerySchema>;

/** The parts of the query a route reads: the report one day, the chain a range, the call list only today. */
export type OutbreakQueryUse = 'day' | 'range' | 'none';

/**
 * The reason code (src/shared/reasons.ts) a well-formed query is refused for, or null: a range that ends before it
 * starts, or a date the route does not read (it would be silently ignored).
 */
export function queryProblem(q: OutbreakQuery, use: OutbreakQueryUse): 'range_reversed' | 'day_not_used' | null {
  if (q.from && q.to && q.from > q.to) return 'range_reversed';
  const asked = { day: q.day !== undefined, range: q.from !== undefined || q.to !== undefined };
  if ((asked.day && use !== 'day') || (asked.range && use !== 'range')) return 'day_not_used';
  return null;
}

export const OUTBREAK_API = {
  settings: '/api/admin/outbreak/settings',
  cases: '/api/admin/outbreak/cases',
  followups: '/api/admin/outbreak/followups',
  contacts: '/api/admin/outbreak/contacts',
  chain: '/api/admin/outbreak/chain',
  report: '/api/admin/outbreak/report',
  reportXlsx: '/api/admin/outbreak/report.xlsx',
} as const;

// Answers.

export type ContactStatus = 'proposed' | 'confirmed' | 'dismissed';
/** What an F1's exposure rests on: guard-verified scans, only self check-ins, or not known. */
export type ExposureBasis = 'verified' | 'self_only' | 'unknown';

/** A contact of a case: from the trace or typed in. */
export interface CaseContact {
  id: string;
  caseId: string;
  personId: string;
  name: string;
  phone: string | null;
  address: string | null;
  origin: 'trace' | 'manual';
  relationship: Relationship | null;
  status: ContactStatus;
  reason: string | null;
  overlapMin: number;
  lastExposure: number;
  /** Where the exposure happened, as the trace found it. */
  places: ContactPlace[];
  basis: ExposureBasis;
  followupId: string | null;
}

/** A confirmed case (F0). */
export interface OutbreakCase {
  id: string;
  personId: string;
  personKeys: string[];
  name: string;
  phone: string | null;
  address: string | null;
  confirmedAt: number;
  testType: TestType;
  onsetAt: number | null;
  isolation: IsolationPlace;
  window: { start: number; end: number };
  snapshotAt: number;
  /** The follow-up this case was converted from (the contact who tested positive). */
  fromFollowupId: string | null;
  /** The case whose contact this person was. */
  parentCaseId: string | null;
}

/** People the trace found who are already cases or already followed: not proposed again. */
export interface AlreadyKnown {
  personId: string;
  name: string;
  as: 'case' | 'followed';
}

/** GET /api/admin/outbreak/cases/:id. */
export interface Investigation {
  case: OutbreakCase;
  contacts: CaseContact[];
  alreadyKnown: AlreadyKnown[];
}

/** GET /api/admin/outbreak/cases/:id/changes: what a new trace would change in the kept snapshot. */
export interface TraceChanges {
  added: { personId: string; name: string; overlapMin: number }[];
  removed: { personId: string; name: string }[];
  changed: { personId: string; name: string; before: number; after: number }[];
}

export type FollowupStatus = 'active' | 'completed' | 'lost' | 'converted';

/** One day's call. */
export interface FollowupEntry {
  id: string;
  day: string;
  at: number;
  reached: boolean;
  symptoms: string | null;
  testType: TestType | null;
  testResult: TestResult | null;
  location: IsolationPlace | null;
  note: string | null;
  by: string | null;
}

/** A confirmed F1 under follow-up. */
export interface Followup {
  id: string;
  caseId: string;
  contactId: string;
  personId: string;
  name: string;
  phone: string | null;
  address: string | null;
  unitId: string;
  unitName: string;
  lastExposure: number;
  endsAt: number;
  status: FollowupStatus;
  endedAt: number | null;
  lastReachedAt: number | null;
  convertedCaseId: string | null;
}

/** A row of today's call list. */
export interface CallListRow extends Followup {
  /** Follow-up day number today (1 = the day after the last exposure). */
  dayNumber: number;
  testDue: boolean;
  /** Today's entry, when the call was made. */
  today: FollowupEntry | null;
}

/** GET /api/admin/outbreak/followups. */
export interface CallList {
  day: string;
  unitId: string | null;
  rows: CallListRow[];
}

/** Figures of one commune (or the district) on one day. */
export interface ReportFigures {
  newCases: number;
  underFollowup: number;
  completed: number;
  lost: number;
  converted: number;
  testsDue: number;
  testsDone: number;
}

/** GET /api/admin/outbreak/report. */
export interface DailyReport {
  day: string;
  communes: ({ unitId: string; unitName: string } & ReportFigures)[];
  district: ReportFigures;
  /** The one commune the report is limited to (a commune officer's), or null for the whole district. */
  scope: { unitId: string; unitName: string } | null;
  /** The district's (or the scoped commune's) figures on every day of the outbreak so far. */
  series: ({ day: string } & ReportFigures)[];
}

/** A node of the chain of transmission (a person). */
export interface ChainNode {
  id: string;
  name: string;
  kind: 'case' | 'contact';
  unitName: string;
  cluster: string;
}

/** An edge: exposure at a checkpoint on a date, or a typed-in relationship. */
export interface ChainEdge {
  id: string;
  source: string;
  target: string;
  checkpointName: string | null;
  date: string;
  relationship: Relationship | null;
}

/** GET /api/admin/outbreak/chain. */
export interface Chain {
  nodes: ChainNode[];
  edges: ChainEdge[];
}
