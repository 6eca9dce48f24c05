/**
 * Risk at the door, read side: today's risk declarations per checkpoint (dashboard) and the risk a
 * person declared in a window (tracing's "only people with symptoms/risk"). Portable SQL.
 */
import { sql } from 'kysely';
import type { RiskKind } from '../../shared/protocol';
import type { RiskCounts } from '../../shared/risk/dashboard-api';
import type { Db } from './database';
import { RISK_BITS, riskFromColumns } from './risk-columns';
import { checkpointIdsOfUnit } from './checkpoints-repo';

/** Arrivals at one checkpoint in a window, and how many of them carried each risk. */
interface CheckpointRiskCounts extends RiskCounts {
  checkpointId: string;
}

const when = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Per checkpoint: arrivals (`in`) with corrected time in [since, until) and their risk counts. */
export async function riskCountsByCheckpoint(
  db: Db,
  since: number,
  until: number,
  unitId: string | null,
): Promise<CheckpointRiskCounts[]> {
  let query = db
    .selectFrom('checkins')
    .select((eb) => [
      'checkpoint_id',
      eb.fn.countAll<number>().as('arrivals'),
      when(sql`risk_kinds > 0`).as('risky'),
      when(sql`risk_kinds in (${sql.lit(RISK_BITS.symptom)}, ${sql.lit(RISK_BITS.symptom | RISK_BITS.exposure)})`).as(
        'symptom',
      ),
      when(sql`risk_kinds in (${sql.lit(RISK_BITS.exposure)}, ${sql.lit(RISK_BITS.symptom | RISK_BITS.exposure)})`).as(
        'exposure',
      ),
      when(sql`declaration_status = 'stale'`).as('stale'),
      when(sql`declaration_status = 'missing'`).as('missing'),
    ])
    .where('kind', '=', 'in')
    .where('corrected_time', '>=', since)
    .where('corrected_time', '<', until)
    .groupBy('checkpoint_id');
  if (unitId !== null) query = query.where('checkpoint_id', 'in', checkpointIdsOfUnit(db, unitId));
  const rows = await query.execute();
  return rows.map((r) => ({
    checkpointId: r.checkpoint_id,
    arrivals: Number(r.arrivals),
    risky: Number(r.risky ?? 0),
    symptom: Number(r.symptom ?? 0),
    exposure: Number(r.exposure ?? 0),
    stale: Number(r.stale ?? 0),
    missing: Number(r.missing ?? 0),
  }));
}

/** The risk one person declared at the door. */
interface PersonRisk {
  kinds: RiskKind[];
  /** Risk question ids answered yes. */
  signals: string[];
}

const IN_CHUNK = 500;

/**
 * The risk each of these person keys declared at arrivals with corrected time in [from, to] (keys without any left
 * out).
 */
export async function riskOfPersons(
  db: Db,
  keys: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, PersonRisk>> {
  const out = new Map<string, PersonRisk>();
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('checkins')
      .select(['person_key', 'risk_kinds', 'risk'])
      .where('person_key', 'in', keys.slice(i, i + IN_CHUNK))
      // Literal, not bound: the planner can then prove the partial index checkins_risk_person_time_idx applies.
      .where(sql<boolean>`kind = 'in' and risk_kinds > 0`)
      .where('corrected_time', '>=', from)
      .where('corrected_time', '<=', to)
      .execute();
    for (const r of rows) {
      const known = out.get(r.person_key) ?? { kinds: [], signals: [] };
      const bits = Number(r.risk_kinds ?? 0);
      const kinds = new Set<RiskKind>(known.kinds);
      if (bits & RISK_BITS.symptom) kinds.add('symptom');
      if (bits & RISK_BITS.exposure) kinds.add('exposure');
      const signals = new Set([...known.signals, ...(riskFromColumns(r.risk).risk?.signals ?? [])]);
      out.set(r.person_key, {
        kinds: (['symptom', 'exposure'] as const).filter((k) => kinds.has(k)),
        signals: [...signals].sort(),
      });
    }
  }
  return out;
}
