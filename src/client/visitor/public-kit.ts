/**
 * The visitor's offline kit: the district's questionnaire and the public key that verifies checkpoint
 * posters, refreshed whenever the phone is online and cached on the device.
 */
import * as v from 'valibot';
import { API, PosterKeyResponseSchema, QuestionnaireSchema } from '../../shared/protocol';
import { getEnrolment, saveQuestionnaire, savePosterKey } from '../data';
import { refreshRiskPolicy } from '../risk/policy-fetch';

/** Fetches and caches the poster key and (unless this is a guard device, which gets its own) the questionnaire. */
export async function refreshPublicKit(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const get = async (path: string): Promise<unknown> => {
    const response = await fetchImpl(new URL(path, baseUrl).toString(), { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
  void refreshRiskPolicy(baseUrl, fetchImpl);
  try {
    const [key, questionnaire] = await Promise.all([get(API.posterKey), get(API.questionnaire)]);
    const parsedKey = v.safeParse(PosterKeyResponseSchema, key);
    if (parsedKey.success) await savePosterKey(parsedKey.output.publicKey);
    const parsedQ = v.safeParse(QuestionnaireSchema, questionnaire);
    if (parsedQ.success && !(await getEnrolment())) await saveQuestionnaire(parsedQ.output);
    return parsedKey.success && parsedQ.success;
  } catch {
    return false;
  }
}

/** A successful refresh is repeated at most this often. */
const KIT_MAX_AGE_MS = 10 * 60_000;
let refreshedAt = 0;

/** Refreshes the kit unless it was refreshed in the last few minutes (called after each sync attempt). */
export async function refreshPublicKitIfStale(baseUrl: string): Promise<void> {
  if (Date.now() - refreshedAt < KIT_MAX_AGE_MS) return;
  if (await refreshPublicKit(baseUrl)) refreshedAt = Date.now();
}
