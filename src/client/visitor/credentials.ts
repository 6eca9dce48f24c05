/**
 * A visitor phone's sync credentials: before its first self check-in is sent, the phone registers once
 * (POST /api/visitor/register) and keeps the anonymous token. Runs inside the flush lock (page or worker).
 */
import * as v from 'valibot';
import { API, VisitorRegisterResponseSchema } from '../../shared/protocol';
import { getEnrolment, getVisitorRegistration, pendingCount, saveVisitorRegistration, type SyncErrorCode } from '../data';
import { parseRetryAfter } from '../sync/backoff';

/** Why no token could be obtained now (the flush records it and backs off). */
export interface CredentialFailure {
  error: SyncErrorCode;
  retryAfterMs: number | null;
}

/**
 * The token to push with for a phone that is not a guard device: the stored registration, else a new
 * one when there is something to send; null when there is nothing to do.
 */
export async function ensureVisitorCredentials(baseUrl: string, appVersion: string, fetchImpl: typeof fetch = fetch): Promise<string | CredentialFailure | null> {
  if (await getEnrolment()) return null;
  const existing = await getVisitorRegistration();
  if (existing) return existing.token;
  if ((await pendingCount()) === 0) return null;
  let response: Response;
  try {
    response = await fetchImpl(new URL(API.visitorRegister, baseUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appVersion }),
      cache: 'no-store',
    });
  } catch {
    return { error: 'offline', retryAfterMs: null };
  }
  if (!response.ok) {
    const retry = response.status === 429 || response.status >= 500;
    return { error: retry ? 'server_error' : 'bad_request', retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  }
  const parsed = v.safeParse(VisitorRegisterResponseSchema, await response.json().catch(() => null));
  if (!parsed.success) return { error: 'server_error', retryAfterMs: null };
  await saveVisitorRegistration({ deviceId: parsed.output.deviceId, token: parsed.output.token, registeredAt: Date.now() });
  return parsed.output.token;
}
