import { reasonText } from '../shared/reasons';
import { adminPath, adminRoutes, type AdminRoute } from '../shared/console-api';
import { getLang, t } from './i18n/i18n';

/**
 * The console's HTTP client: JSON in and out, the session cookie sent by the browser, the CSRF
 * token echoed on every state-changing request, and a signal when the session is gone.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
const signedOutListeners = new Set<() => void>();

/** Remembers the CSRF token from the session or login answer. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Calls `listener` whenever the server says the session is over (401). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => void signedOutListeners.delete(listener);
}

/** What a call fills in: path parameters, a query string, the JSON body. */
interface CallOptions<B> {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: B;
}

/** Calls one route of the console contract; resolves its typed answer or throws an ApiError. */
export function call<A, B>(route: AdminRoute<A, B>, options: CallOptions<B> = {}): Promise<A> {
  return request<A>(route.method, adminPath(route, options.params, options.query), options.body);
}

/** A file a route answers (an export): its bytes and the name the server gave it. */
interface FileAnswer {
  blob: Blob;
  fileName: string | null;
}

/** Calls a route that answers a file (XLSX/CSV export); a refusal throws the same ApiError as `call`. */
export async function callForFile<A, B>(route: AdminRoute<A, B>, options: CallOptions<B> = {}): Promise<FileAnswer> {
  const path = adminPath(route, options.params, options.query);
  const response = await send(route.method, path, options.body);
  if (!response.ok) throw await refusal(response, path);
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

/** The raw request behind `call`. */
async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (!response.ok) throw await refusal(response, path);
  return (await response.json().catch(() => null)) as T;
}

/** Sends one request: JSON body and the CSRF token on state-changing methods, the session cookie always. */
async function send(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Response> {
  const unsafe = method !== 'GET';
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...(unsafe ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {}) },
      ...(unsafe ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    // No answer at all (network down, server stopped): said in the console's words, not the browser's.
    throw new ApiError(0, 'unreachable', t('api.unreachable'));
  }
}

/** The ApiError of a refused request, in the console's language; a 401 also tells the listeners the session is over. */
async function refusal(response: Response, path: string): Promise<ApiError> {
  const data: unknown = await response.json().catch(() => null);
  const err = (data ?? {}) as { error?: string; message?: string; messageEn?: string };
  if (response.status === 401 && path !== adminRoutes.login.pattern) for (const l of signedOutListeners) l();
  const code = err.error ?? 'http_error';
  // A body the server words in both languages (weak_password: `message` Vietnamese, `messageEn`) says
  // why in detail; any other reason is the console's sentence (src/shared/reasons.ts), never the server's English.
  const { message, messageEn } = err;
  const text =
    typeof message === 'string' && typeof messageEn === 'string'
      ? getLang() === 'en'
        ? messageEn
        : message
      : reasonText(code, getLang(), message ?? `HTTP ${response.status}`);
  return new ApiError(response.status, code, text);
}
