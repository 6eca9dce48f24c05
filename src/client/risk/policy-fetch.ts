/** Fetches and caches the district's risk policy (public, no personal data); an older server without it is fine. */
import * as v from 'valibot';
import { API, RiskPolicySchema } from '../../shared/protocol';
import { saveRiskPolicy } from '../data';

/** Refreshes the cached risk policy; false when offline, refused or unreadable (the cached copy stays). */
export async function refreshRiskPolicy(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(new URL(API.riskPolicy, baseUrl).toString(), { cache: 'no-store' });
    if (!response.ok) return false;
    const parsed = v.safeParse(RiskPolicySchema, await response.json());
    if (!parsed.success) return false;
    await saveRiskPolicy(parsed.output);
    return true;
  } catch {
    return false;
  }
}
