/** Risk at the door: the district's risk policy cached on a visitor's phone (guard devices get it in their config). */
import * as v from 'valibot';
import { RiskPolicySchema, type RiskPolicy } from '../../shared/protocol';
import { appDb } from './db';
import { withDbRetry } from './retry';

const KEY = 'riskPolicy';

/** The cached policy, or null before the first online start. */
export async function getRiskPolicy(): Promise<RiskPolicy | null> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  const parsed = v.safeParse(RiskPolicySchema, row?.value);
  return parsed.success ? parsed.output : null;
}

/** Caches the policy fetched from the server. */
export async function saveRiskPolicy(policy: RiskPolicy): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: KEY, value: policy }));
}
