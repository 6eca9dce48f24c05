/**
 * The sync client's HTTP side: one POST of JSON with every way it can go wrong sorted into three
 * outcomes (ok / retry / stop). Used by the page and the service worker (pushes, visitor registration)
 * and by the district server's forwarder (pushes and the catalog to the province).
 */
import * as v from 'valibot';
import { API, PushResponseSchema, type PushRequest, type PushResponse } from '../protocol';
import { PROOF_HEADER } from '../sealed/device-proof';
import { classifyNetworkFailure, classifyStatus, UNREADABLE_ANSWER, type FailedOutcome } from './classify';

/** Signs the exact request (the device proof header's value); guard devices must, a token alone does not push. */
export type RequestSigner = (request: { method: string; path: string; body: string }) => Promise<string>;

/** The answer of one request: `ok` with the parsed body, or a classified failure. */
export type PostOutcome<T> = { type: 'ok'; response: T } | FailedOutcome;

/** The answer of one push. */
export type PushOutcome = PostOutcome<PushResponse>;

interface PostJsonOptions<T> {
  url: string;
  /** Bearer token; no authorization header when absent. */
  token?: string;
  body: unknown;
  timeoutMs: number;
  /** Reads a 2xx body (parsed JSON, undefined when not JSON); undefined means unreadable. */
  read: (json: unknown) => T | undefined;
  fetchImpl?: typeof fetch;
  sign?: RequestSigner;
}

/** POSTs JSON and classifies the answer; never throws. */
export async function postJson<T>(opts: PostJsonOptions<T>): Promise<PostOutcome<T>> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const body = JSON.stringify(opts.body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  try {
    // Signed before the timeout starts: a slow key must not eat the request's time.
    if (opts.sign) headers[PROOF_HEADER] = await opts.sign({ method: 'POST', path: new URL(opts.url).pathname, body });
  } catch {
    return { type: 'retry', error: 'server_error', retryAfterMs: null };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(opts.url, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch {
    clearTimeout(timer);
    return classifyNetworkFailure(controller.signal.aborted);
  }
  try {
    const text = await response.text();
    if (response.ok) {
      const read = opts.read(safeJson(text));
      return read === undefined ? UNREADABLE_ANSWER : { type: 'ok', response: read };
    }
    return classifyStatus(
      response.status,
      response.headers.get('retry-after'),
      readMessage(text) ?? `HTTP ${response.status}`,
      readCode(text),
    );
  } catch {
    return classifyNetworkFailure(controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

interface PushOptions {
  baseUrl: string;
  token: string;
  body: PushRequest;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  sign?: RequestSigner;
}

/** Sends one batch to `/api/sync/push` and classifies the answer; never throws. */
export function pushBatch(opts: PushOptions): Promise<PushOutcome> {
  return postJson({
    url: new URL(API.push, opts.baseUrl).toString(),
    token: opts.token,
    body: opts.body,
    timeoutMs: opts.timeoutMs,
    read: (json) => {
      const parsed = v.safeParse(PushResponseSchema, json);
      return parsed.success ? parsed.output : undefined;
    },
    ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    ...(opts.sign ? { sign: opts.sign } : {}),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readCode(text: string): string | undefined {
  const body = safeJson(text) as { error?: unknown } | undefined;
  return typeof body?.error === 'string' ? body.error : undefined;
}

function readMessage(text: string): string | null {
  const body = safeJson(text) as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : null;
}
