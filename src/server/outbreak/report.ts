/**
 * The daily situation report (báo cáo tình hình dịch ngày) from cases, follow-ups and test entries:
 * per commune and for the district, on one day and over every day of the outbreak. Pure.
 */
import type { FollowupStatus, ReportFigures } from '../../shared/outbreak-api';
import { dayIndex, dayKey, dayRange, dayStart, DAY_MS } from './days';

export interface ReportCase {
  unitId: string | null;
  confirmedAt: number;
}

export interface ReportFollowup {
  unitId: string;
  startedAt: number;
  lastExposure: number;
  status: FollowupStatus;
  endedAt: number | null;
}

export interface ReportInput {
  cases: readonly ReportCase[];
  followups: readonly ReportFollowup[];
  /** People tested (follow-ups with a test entry), by day then commune. */
  testsDone: ReadonlyMap<string, ReadonlyMap<string, number>>;
  testDays: readonly number[];
}

/** The key of cases no commune could be given: they count for the district in a row of their own. */
export const UNKNOWN_COMMUNE = '';

/** All zeros. */
export function emptyFigures(): ReportFigures {
  return { newCases: 0, underFollowup: 0, completed: 0, lost: 0, converted: 0, testsDue: 0, testsDone: 0 };
}

function add(a: ReportFigures, b: ReportFigures): ReportFigures {
  return {
    newCases: a.newCases + b.newCases,
    underFollowup: a.underFollowup + b.underFollowup,
    completed: a.completed + b.completed,
    lost: a.lost + b.lost,
    converted: a.converted + b.converted,
    testsDue: a.testsDue + b.testsDue,
    testsDone: a.testsDone + b.testsDone,
  };
}

/** Figures per commune on one day: a follow-up counts as "under follow-up" when it was open at the day's end. */
export function figuresOnDay(input: ReportInput, day: string): Map<string, ReportFigures> {
  const end = dayStart(day) + DAY_MS;
  const start = dayStart(day);
  const testDays = new Set(input.testDays);
  const today = dayIndex(start);
  const out = new Map<string, ReportFigures>();
  const of = (unit: string): ReportFigures => {
    let f = out.get(unit);
    if (!f) out.set(unit, (f = emptyFigures()));
    return f;
  };
  for (const c of input.cases)
    if (c.confirmedAt >= start && c.confirmedAt < end) of(c.unitId ?? UNKNOWN_COMMUNE).newCases++;
  for (const f of input.followups) {
    if (f.startedAt >= end) continue;
    const endedThatDay = f.endedAt !== null && f.endedAt >= start && f.endedAt < end;
    const openAtEnd = f.endedAt === null || f.endedAt >= end;
    if (openAtEnd) of(f.unitId).underFollowup++;
    if (endedThatDay && f.status === 'completed') of(f.unitId).completed++;
    if (endedThatDay && f.status === 'lost') of(f.unitId).lost++;
    if (endedThatDay && f.status === 'converted') of(f.unitId).converted++;
    // A test is due on a set follow-up day while the follow-up is open during that day.
    if ((openAtEnd || endedThatDay) && testDays.has(today - dayIndex(f.lastExposure))) of(f.unitId).testsDue++;
  }
  for (const [unit, n] of input.testsDone.get(day) ?? []) of(unit).testsDone += n;
  return out;
}

/** The district's total of per-commune figures. */
export function districtTotal(perUnit: ReadonlyMap<string, ReportFigures>): ReportFigures {
  let total = emptyFigures();
  for (const f of perUnit.values()) total = add(total, f);
  return total;
}

/** The first day of the outbreak: the earliest case confirmation or follow-up start. */
function firstDay(input: ReportInput, fallback: string): string {
  let min = Infinity;
  for (const c of input.cases) min = Math.min(min, c.confirmedAt);
  for (const f of input.followups) min = Math.min(min, f.startedAt);
  return Number.isFinite(min) && dayKey(min) < fallback ? dayKey(min) : fallback;
}

/** The district's figures on every day from the outbreak's first day to `day`. */
export function series(input: ReportInput, day: string): ({ day: string } & ReportFigures)[] {
  return dayRange(firstDay(input, day), day).map((d) => ({ day: d, ...districtTotal(figuresOnDay(input, d)) }));
}
