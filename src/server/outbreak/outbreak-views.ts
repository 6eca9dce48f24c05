/**
 * Read-only outbreak views: the daily situation report (per commune and district, with its series
 * and the XLSX file) and the chain of transmission.
 */
import type { Db } from '../db/database';
import { listUnits } from '../db/units-repo';
import type { ExportTable } from '../tracing/export-rows';
import type { Chain, DailyReport } from '../../shared/outbreak-api';
import { buildChain, type ChainFilter } from './chain';
import * as repo from './outbreak-repo';
import { districtTotal, emptyFigures, figuresOnDay, series, UNKNOWN_COMMUNE, type ReportInput } from './report';
import { outbreakDict as d } from '../i18n/dict-outbreak';
import { settle } from './outbreak-service';

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
  // Cases no commune could be given (see outbreak-service `caseCommune`) still count for the district.
  const unknown = perUnit.get(UNKNOWN_COMMUNE);
  if (unknown) communes.push({ unitId: UNKNOWN_COMMUNE, unitName: d['report.unknownCommune'].vi, ...unknown });
  return {
    day,
    communes,
    district: districtTotal(perUnit),
    series: series(input, day),
  };
}

const HEADERS = (['newCases', 'underFollowup', 'completed', 'lost', 'converted', 'testsDue', 'testsDone'] as const).map(
  (k) => d[`report.${k}`].vi,
);

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
      rows: [...r.communes.map((c) => [c.unitName, ...figures(c)]), [d['report.district'].vi, ...figures(r.district)]],
    },
    {
      sheet: d['report.sheetSeries'].vi,
      headers: [d['report.day'].vi, ...HEADERS],
      rows: r.series.map((row) => [row.day, ...figures(row)]),
    },
  ];
}

/** The chain of transmission, filtered by commune and date. */
export async function transmissionChain(db: Db, filter: ChainFilter): Promise<Chain> {
  const units = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const cases = await repo.listCases(db);
  const contacts = await repo.confirmedContacts(db);
  return buildChain(
    cases.map((c) => ({
      id: c.id,
      personId: c.personId,
      name: c.name,
      unitId: c.unitId,
      unitName: c.unitId ? (units.get(c.unitId) ?? '') : '',
      confirmedAt: c.confirmedAt,
    })),
    contacts.map((c) => {
      const main = [...c.places].sort((a, b) => b.overlapMin - a.overlapMin)[0];
      return {
        id: c.id,
        caseId: c.caseId,
        personId: c.personId,
        name: c.name,
        unitId: c.unitId,
        unitName: c.unitId ? (units.get(c.unitId) ?? '') : '',
        relationship: c.relationship,
        checkpointName: main?.checkpointName ?? null,
        exposedAt: main?.first ?? c.lastExposure,
      };
    }),
    filter,
  );
}
