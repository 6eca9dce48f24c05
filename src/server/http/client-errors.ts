/**
 * Requests node's HTTP parser could not read never reach Fastify's routes or error handler: a body longer than its
 * Content-Length (the stray bytes read as a next request), two Content-Length headers, a head over node's limit, a
 * request too slow to arrive. Fastify's default answer to them is its own `{error, message, statusCode}`; this one
 * answers the product's `ErrorBody` with a reason code the apps put in words (src/shared/reasons.ts), then closes.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { REASONS } from '../../shared/reasons';

/** The status and reason code of a parser error, by node's error code (anything else is a malformed request). */
const PARSER_ERRORS: Record<string, { status: number; code: keyof typeof REASONS }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout' },
  HPE_UNEXPECTED_CONTENT_LENGTH: { status: 400, code: 'bad_content_length' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_content_length' },
  HPE_INVALID_TRANSFER_ENCODING: { status: 400, code: 'bad_content_length' },
};
const MALFORMED = { status: 400, code: 'malformed_request' } as const;

/** The raw HTTP/1.1 answer to a parser error: status line, JSON `ErrorBody`, connection closed. */
export function clientErrorAnswer(errorCode: string | undefined): string {
  const { status, code } = (errorCode !== undefined ? PARSER_ERRORS[errorCode] : undefined) ?? MALFORMED;
  const body = JSON.stringify({ error: code, message: REASONS[code].en });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Fastify's `clientErrorHandler`: answers a request node could not parse in the product's format, then closes. */
export function handleClientError(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer (node's own default does the same).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.end(clientErrorAnswer(err.code));
  else socket.destroy(err);
}
