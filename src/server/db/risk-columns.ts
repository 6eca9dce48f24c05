/** Risk at the door: how a check-in's risk claim maps to its three columns and back. */
import * as v from 'valibot';
import { RiskFlagsSchema, type RiskFlags } from '../../shared/protocol';

/** The bit of each risk kind in `checkins.risk_kinds`. */
export const RISK_BITS = { symptom: 1, exposure: 2 } as const;

/** The columns a risk claim fills (all null when the device sent none). */
export function riskColumns(risk: RiskFlags | null | undefined): {
  risk_kinds: number | null;
  declaration_status: string | null;
  risk: string | null;
} {
  if (!risk) return { risk_kinds: null, declaration_status: null, risk: null };
  const kinds = risk.kinds.reduce((bits, k) => bits | RISK_BITS[k], 0);
  return { risk_kinds: kinds, declaration_status: risk.status, risk: JSON.stringify(risk) };
}

/** The claim back from its JSON column (`{}` when absent or unreadable, so callers can spread it). */
export function riskFromColumns(json: string | null): { risk?: RiskFlags } {
  if (json === null) return {};
  try {
    const parsed = v.safeParse(RiskFlagsSchema, JSON.parse(json));
    return parsed.success ? { risk: parsed.output } : {};
  } catch {
    return {};
  }
}
