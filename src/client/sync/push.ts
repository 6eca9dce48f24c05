/** One HTTP push of a batch to the server, with every way it can go wrong sorted into three outcomes. */
import * as v from 'valibot';
import { API, PushResponseSchema, type PushRequest, type PushResponse } from '../../shared/protocol';
import type { SyncErrorCode } from '../data';
import { parseRetryAfter } from './backoff';
import { PROOF_HEADER } from '../../shared/sealed/device-proof';

export type PushOutcome =
  | { type: 'ok'; response: PushResponse }
  /** Try again later; nothing was lost. */
  | { type: 'retry'; error: Extract<SyncErrorCode, 'offline' | 'timeout' | 'server_error'>; retryAfterMs: number | null }
  /** Retrying the same request will not help until something changes (token, app version). */
  | { type: 'stop'; error: Extract<SyncErrorCode, 'unauthorized' | 'revoked' | 'bad_request'>; message: string };

export interface PushOptions {
  baseUrl: string;
  token: string;
  body: PushRequest;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  /** Signs the exact request (device proof header value); guard devices must, tokens alone do not push. */
  sign?: (request: { method: string; path: string; body: string }) => Promise<string>;
}

/** Sends one batch and classifies the answer; never throws. */
export async function pushBatch(opts: PushOptions): Promise<PushOutcome> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const body = JSON.stringify(opts.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` };
  try {
    if (opts.sign) headers[PROOF_HEADER] = await opts.sign({ method: 'POST', path: API.push, body });
  } catch {
    return { type: 'retry', error: 'server_error', retryAfterMs: null };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(new URL(API.push, opts.baseUrl).toString(), {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch {
    clearTimeout(timer);
    return { type: 'retry', error: controller.signal.aborted ? 'timeout' : 'offline', retryAfterMs: null };
  }
  try {
    const text = await response.text();
    if (response.ok) {
      const parsed = v.safeParse(PushResponseSchema, safeJson(text));
      // A 2xx we cannot read is a broken proxy or server: keep everything and try later.
      return parsed.success ? { type: 'ok', response: parsed.output } : { type: 'retry', error: 'server_error', retryAfterMs: null };
    }
    const message = readMessage(text) ?? `HTTP ${response.status}`;
    if (response.status === 401) return { type: 'stop', error: 'unauthorized', message };
    if (response.status === 403) return { type: 'stop', error: 'revoked', message };
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      return { type: 'retry', error: 'server_error', retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
    }
    return { type: 'stop', error: 'bad_request', message };
  } catch {
    return { type: 'retry', error: controller.signal.aborted ? 'timeout' : 'offline', retryAfterMs: null };
  } finally {
    clearTimeout(timer);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readMessage(text: string): string | null {
  const body = safeJson(text) as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : null;
}
