/**
 * Read-only outbreak views: the daily situation report (per commune and district, with its series
 * and the XLSX file) and the chain of transmission.
 */
import type { Db } from '../db/database';
import { listUnits } from '../db/units-repo';
import type { ExportTable } from '../tracing/export-rows';
import type { Chain, DailyReport } from '../../shared/outbreak-api';
import { buildChain, type ChainContact, type ChainFilter } from './chain';
import * as repo from './outbreak-repo';
import { districtTotal, emptyFigures, figuresOnDay, series, UNKNOWN_COMMUNE, type ReportInput } from './report';
import { outbreakDict as d } from '../i18n/dict-outbreak';
import { settle } from './outbreak-service';
import { unitInSentence } from '../../shared/text/unit-name';

/** A link of the chain before its commune is named. */
type ChainSource = Omit<ChainContact, 'unitName'>;

/** The report of one day, limited to one commune when `unitId` is given (commune officers). */
export async function dailyReport(db: Db, day: string, unitId: string | null, now: number): Promise<DailyReport> {
  await settle(db, now);
  const s = await repo.getOutbreakSettings(db);
  const cases = (await repo.listCases(db)).filter((c) => !unitId || c.unitId === unitId);
  const input: ReportInput = {
    cases: cases.map((c) => ({ unitId: c.unitId, confirmedAt: c.confirmedAt })),
    followups: await repo.followupsForReport(db, unitId),
    testsDone: await repo.testsByDay(db, unitId, day),
    testDays: s.testDays,
  };
  const perUnit = figuresOnDay(input, day);
  const units = (await listUnits(db)).filter((u) => u.level === 'commune' && (!unitId || u.id === unitId));
  const communes = units.map((u) => ({ unitId: u.id, unitName: u.name, ...(perUnit.get(u.id) ?? emptyFigures()) }));
  // Cases no commune could be given (see `communeOfLongestStay` in outbreak-service) still count for the district.
  const unknown = perUnit.get(UNKNOWN_COMMUNE);
  if (unknown) communes.push({ unitId: UNKNOWN_COMMUNE, unitName: d['report.unknownCommune'].vi, ...unknown });
  return {
    day,
    communes,
    district: districtTotal(perUnit),
    scope: unitId ? { unitId, unitName: units.find((u) => u.id === unitId)?.name ?? unitId } : null,
    series: series(input, day),
  };
}

const HEADERS = (['newCases', 'underFollowup', 'completed', 'lost', 'converted', 'testsDue', 'testsDone'] as const).map(
  (k) => d[`report.${k}`].vi,
);

/** The total row's label: "Toàn huyện", or "Tổng xã Thọ Dân" when the report is one commune's. */
function totalLabel(r: DailyReport): string {
  return r.scope ? `${d['report.unitTotal'].vi} ${unitInSentence(r.scope.unitName)}` : d['report.district'].vi;
}

/** The report as export tables: communes of the day (with the district total) and the series. */
export function reportTables(r: DailyReport): ExportTable[] {
  const figures = (f: DailyReport['district']) => [
    f.newCases,
    f.underFollowup,
    f.completed,
    f.lost,
    f.converted,
    f.testsDue,
    f.testsDone,
  ];
  return [
    {
      sheet: `${d['report.sheetDay'].vi} ${r.day}`,
      headers: [d['report.commune'].vi, ...HEADERS],
      rows: [...r.communes.map((c) => [c.unitName, ...figures(c)]), [totalLabel(r), ...figures(r.district)]],
    },
    {
      sheet: d['report.sheetSeries'].vi,
      headers: [d['report.day'].vi, ...HEADERS],
      rows: r.series.map((row) => [row.day, ...figures(row)]),
    },
  ];
}

/**
 * A case's exposures to people followed from another case, or to a case confirmed after it: its kept
 * trace found them, but they were not proposed again (de-duplicated). They are links of the chain all
 * the same: a contact exposed to two cases has two edges.
 */
async function knownExposures(
  db: Db,
  cases: readonly repo.StoredCase[],
  contacts: readonly ChainSource[],
): Promise<ChainSource[]> {
  const caseAt = new Map(cases.map((c) => [c.personId, c.confirmedAt]));
  const followed = new Map(contacts.map((c) => [c.personId, c]));
  const linked = new Set(contacts.map((c) => `${c.caseId} ${c.personId}`));
  const out: ChainSource[] = [];
  for (const c of cases) {
    for (const entry of await repo.caseSnapshot(db, c.id)) {
      const laterCase = (caseAt.get(entry.personId) ?? -Infinity) > c.confirmedAt;
      const other = followed.get(entry.personId);
      if (entry.personId === c.personId || linked.has(`${c.id} ${entry.personId}`) || (!other && !laterCase)) continue;
      const main = [...entry.places].sort((a, b) => b.overlapMin - a.overlapMin)[0];
      out.push({
        id: `${c.id}:${entry.personId}`,
        caseId: c.id,
        personId: entry.personId,
        name: other?.name ?? entry.name,
        unitId: other?.unitId ?? null,
        relationship: null,
        checkpointName: main?.checkpointName ?? null,
        exposedAt: main?.first ?? c.confirmedAt,
      });
    }
  }
  return out;
}

/** The chain of transmission, filtered by commune and date. */
export async function transmissionChain(db: Db, filter: ChainFilter): Promise<Chain> {
  const units = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const unitName = (unitId: string | null) => (unitId ? (units.get(unitId) ?? '') : '');
  const cases = await repo.listCases(db);
  const contacts: ChainSource[] = (await repo.confirmedContacts(db)).map((c) => {
    const main = [...c.places].sort((a, b) => b.overlapMin - a.overlapMin)[0];
    return {
      id: c.id,
      caseId: c.caseId,
      personId: c.personId,
      name: c.name,
      unitId: c.unitId,
      relationship: c.relationship,
      checkpointName: main?.checkpointName ?? null,
      exposedAt: main?.first ?? c.lastExposure,
    };
  });
  const links = [...contacts, ...(await knownExposures(db, cases, contacts))];
  return buildChain(
    cases.map((c) => ({
      id: c.id,
      personId: c.personId,
      name: c.name,
      unitId: c.unitId,
      unitName: unitName(c.unitId),
      confirmedAt: c.confirmedAt,
    })),
    links.map((c) => ({ ...c, unitName: unitName(c.unitId) })),
    filter,
  );
}
