/**
 * A visitor phone's sync credentials: before its first self check-in is sent, the phone registers once
 * (POST /api/visitor/register) and keeps the anonymous token. Runs inside the flush lock (page or worker).
 */
import * as v from 'valibot';
import { API, VisitorRegisterResponseSchema, type VisitorRegisterResponse } from '../../shared/protocol';
import { postJson } from '../../shared/sync/push';
import type { SyncErrorCode } from '../../shared/sync/errors';
import { getEnrolment, getVisitorRegistration, pendingCount, saveVisitorRegistration } from '../data';

/** Why no token could be obtained now (the flush records it and backs off). */
interface CredentialFailure {
  error: SyncErrorCode;
  retryAfterMs: number | null;
}

const REGISTER_TIMEOUT_MS = 30_000;

/**
 * The token to push with for a phone that is not a guard device: the stored registration, else a new
 * one when there is something to send; null when there is nothing to do.
 */
export async function ensureVisitorCredentials(
  baseUrl: string,
  appVersion: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string | CredentialFailure | null> {
  if (await getEnrolment()) return null;
  const existing = await getVisitorRegistration();
  if (existing) return existing.token;
  if ((await pendingCount()) === 0) return null;
  const outcome = await postJson<VisitorRegisterResponse>({
    url: new URL(API.visitorRegister, baseUrl).toString(),
    body: { appVersion },
    timeoutMs: REGISTER_TIMEOUT_MS,
    read: (json) => {
      const parsed = v.safeParse(VisitorRegisterResponseSchema, json);
      return parsed.success ? parsed.output : undefined;
    },
    fetchImpl,
  });
  if (outcome.type === 'retry') return { error: outcome.error, retryAfterMs: outcome.retryAfterMs };
  if (outcome.type === 'stop') return { error: outcome.error, retryAfterMs: null };
  await saveVisitorRegistration({
    deviceId: outcome.response.deviceId,
    token: outcome.response.token,
    registeredAt: Date.now(),
  });
  return outcome.response.token;
}
