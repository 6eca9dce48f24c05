/**
 * GET /api/admin/dashboard/risk: today's risk declarations per checkpoint and commune (server builds, console reads).
 */

/** Arrivals and their risk counts. */
export interface RiskCounts {
  arrivals: number;
  /** Arrivals with at least one risk signal (symptom or exposure). */
  risky: number;
  symptom: number;
  exposure: number;
  /** Arrivals whose declaration was older than the district's limit, or absent. */
  stale: number;
  missing: number;
}

export interface RiskCheckpointRow extends RiskCounts {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
}

export interface RiskCommuneRow extends RiskCounts {
  unitId: string;
  name: string;
}

/** The answer: the local day it covers, totals, rows (those with arrivals today, most risk first). */
export interface RiskDashboard {
  /** Local day, `YYYY-MM-DD` (Vietnam time). */
  date: string;
  totals: RiskCounts;
  checkpoints: RiskCheckpointRow[];
  communes: RiskCommuneRow[];
}

export const RISK_DASHBOARD_PATH = '/api/admin/dashboard/risk';
