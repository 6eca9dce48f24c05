/**
 * Every error leaves the server as an `ErrorBody`: a machine code and an English sentence.
 * Client mistakes are 4xx, never 500; only a real server fault is a 5xx (and only that is logged).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { MAX_BODY_BYTES, type ErrorBody } from '../../shared/protocol';
import { REASONS } from '../../shared/reasons';
import { secDataDict } from '../i18n/dict-sec-data';
import { isLockTimeout } from '../db/database';

/** Fastify's own client errors, by code, as we answer them. */
const KNOWN_CLIENT_ERRORS: Record<string, { status: number; error: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'unsupported_media_type',
    message: 'The request body must be sent as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    error: 'body_too_large',
    message: `The request body is larger than the ${MAX_BODY_BYTES} bytes the server accepts; send fewer items per push.`,
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'empty_body', message: 'The request body is empty.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'bad_content_length',
    message: 'The request body size did not match its Content-Length header.',
  },
  FST_ERR_BAD_URL: { status: 400, error: 'bad_url', message: 'The request URL is malformed.' },
  // @fastify/static refused a path spelling it will not serve (`//`, `/./`, `..`, NUL, `\`): no route and no file
  // answers it, so it is "not found" like every other miss (the file is still never served).
  FST_STATIC_FORBIDDEN_PATH: { status: 404, error: 'not_found', message: REASONS.not_found.en },
};

/** The reason code of other 4xx statuses (a status not listed is `bad_request`). */
const CODE_BY_STATUS: Record<number, keyof typeof REASONS> = {
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'body_too_large',
  414: 'url_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

/**
 * The answer when nothing could be stored for now, to be sent again after Retry-After (seconds): the push writer
 * thread stopped (`TRAM_STORE_UNAVAILABLE`, `services/push-writes.ts`) or SQLite stayed locked by another connection.
 */
const STORE_UNAVAILABLE = {
  status: 503,
  error: 'store_unavailable',
  message: secDataDict['error.store_unavailable'].vi,
  retryAfterS: 5,
} as const;

/** Builds an error body. */
function errorBody(error: string, message: string): ErrorBody {
  return { error, message };
}

/** Sends an error body with a status code. */
export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(error, message));
}

/** Maps any error thrown while handling a request to a status and an ErrorBody. */
export function describeError(err: FastifyError): { status: number; body: ErrorBody; retryAfterS?: number } {
  const known = err.code ? KNOWN_CLIENT_ERRORS[err.code] : undefined;
  if (known) return { status: known.status, body: errorBody(known.error, known.message) };
  if (err.code === 'TRAM_STORE_UNAVAILABLE' || isLockTimeout(err)) {
    const { status, error, message, retryAfterS } = STORE_UNAVAILABLE;
    return { status, body: errorBody(error, message), retryAfterS };
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'bad_request';
    return { status, body: errorBody(code, REASONS[code].en) };
  }
  return {
    status: 500,
    body: errorBody('internal_error', 'The server failed to handle this request; try again later.'),
  };
}

/** Installs the error handler that turns every failure into an ErrorBody. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body, retryAfterS } = describeError(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
    return sendError(reply, status, body.error, body.message);
  });
}
