/** Today's list at the checkpoint: arrivals with their departures, counts by source, search. */
import type { CheckIn, Person, Source } from '../../shared/protocol';
import { foldVietnamese } from '../../shared/text/fold';
import type { LocalCheckIn } from '../data';
import { openVisits } from './presence';
import { correctedPeople } from './record-fix';

interface TodayRow {
  arrival: LocalCheckIn;
  departure: CheckIn | null;
  inside: boolean;
}

interface TodaySummary {
  rows: TodayRow[];
  total: number;
  inside: number;
  bySource: Partial<Record<Source, number>>;
}

/** Builds today's rows (newest arrival first) and counts from the check-ins stored on the device. */
export function summarizeToday(locals: readonly LocalCheckIn[], now: number): TodaySummary {
  const departures = new Map<string, CheckIn>();
  for (const local of locals)
    if (local.checkIn.kind === 'out' && local.checkIn.ref) departures.set(local.checkIn.ref, local.checkIn);
  const open = new Set(
    openVisits(
      locals.map((l) => l.checkIn),
      now,
    ).flatMap((v) => [v.checkIn.id, ...v.companions.map((c) => c.id)]),
  );
  const corrected = correctedPeople(locals.map((l) => l.checkIn));
  const arrivals = locals
    .filter((l) => l.checkIn.kind === 'in')
    .map((l) => {
      const person = corrected.get(l.checkIn.id);
      return person ? { ...l, checkIn: { ...l.checkIn, person } } : l;
    })
    .sort((a, b) => b.checkIn.deviceTime - a.checkIn.deviceTime);
  const bySource: Partial<Record<Source, number>> = {};
  for (const a of arrivals) bySource[a.checkIn.source] = (bySource[a.checkIn.source] ?? 0) + 1;
  const rows = arrivals.map((arrival) => ({
    arrival,
    departure: departures.get(arrival.checkIn.id) ?? null,
    inside: open.has(arrival.checkIn.id),
  }));
  return { rows, total: arrivals.length, inside: rows.filter((r) => r.inside).length, bySource };
}

/** True when the person matches a search: name with or without diacritics, or digits of phone or ID. */
export function matchesQuery(person: Person, query: string): boolean {
  const folded = foldVietnamese(query);
  if (!folded) return true;
  const digits = query.replace(/\D/g, '');
  if (digits.length >= 3 && digits.length === query.replace(/[\s.+-]/g, '').length) {
    return [person.phone, person.idNumber, person.idMasked].some((field) => field?.replace(/\D/g, '').includes(digits));
  }
  return foldVietnamese(person.name).includes(folded);
}

/** Midnight of the local day containing `now`. */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
