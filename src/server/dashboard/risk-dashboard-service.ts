/** Risk at the door on the dashboard: today's arrivals with a risk signal, per checkpoint and commune. */
import type { RiskCounts, RiskDashboard, RiskCheckpointRow, RiskCommuneRow } from '../../shared/risk/dashboard-api';
import { listConsoleCheckpoints } from '../db/checkpoints-repo';
import { DAY_MS, LOCAL_OFFSET_MS } from './dashboard-repo';
import type { Db } from '../db/database';
import { riskCountsByCheckpoint } from '../db/risk-repo';

const zero = (): RiskCounts => ({ arrivals: 0, risky: 0, symptom: 0, exposure: 0, stale: 0, missing: 0 });

const COUNT_KEYS = Object.keys(zero()) as (keyof RiskCounts)[];

function add(into: RiskCounts, from: RiskCounts): void {
  for (const key of COUNT_KEYS) into[key] += from[key];
}

const byRisk = <T extends RiskCounts & { name: string }>(a: T, b: T) =>
  b.risky - a.risky || b.arrivals - a.arrivals || a.name.localeCompare(b.name, 'vi');

/** Builds today's risk figures (local day so far) for the district, or one commune (`unitId`). */
export async function buildRiskDashboard(db: Db, now: number, unitId: string | null): Promise<RiskDashboard> {
  const day = Math.floor((now + LOCAL_OFFSET_MS) / DAY_MS);
  const since = day * DAY_MS - LOCAL_OFFSET_MS;
  // A device clock slightly ahead still counts: accept up to a day into the future.
  const [checkpoints, counts] = await Promise.all([
    listConsoleCheckpoints(db, unitId),
    riskCountsByCheckpoint(db, since, now + DAY_MS, unitId),
  ]);
  const known = new Map(checkpoints.map((cp) => [cp.id, cp]));
  const totals = zero();
  const rows: RiskCheckpointRow[] = [];
  const communes = new Map<string, RiskCommuneRow>();
  for (const c of counts) {
    const cp = known.get(c.checkpointId);
    if (!cp) continue;
    const { checkpointId: _id, ...figures } = c;
    rows.push({ id: cp.id, code: cp.code, name: cp.name, unitId: cp.unitId, unitName: cp.unitName, ...figures });
    const commune = communes.get(cp.unitId) ?? { unitId: cp.unitId, name: cp.unitName, ...zero() };
    communes.set(cp.unitId, commune);
    add(commune, figures);
    add(totals, figures);
  }
  return {
    date: new Date(day * DAY_MS).toISOString().slice(0, 10),
    totals,
    checkpoints: rows.sort(byRisk),
    communes: [...communes.values()].sort(byRisk),
  };
}
