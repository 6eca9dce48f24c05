/**
 * JSON bodies kept as the exact text that arrived, for routes whose requests are signed over a hash of
 * the body (device proofs). Install it in an encapsulated scope: other routes keep Fastify's parser.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const raw = new WeakMap<FastifyRequest, string>();

/** Error codes Fastify's own JSON parser uses, so errors.ts answers them alike. */
function parseError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, statusCode: 400 });
}

/** Parses application/json in `scope` while remembering the raw text. */
export function keepRawJsonBody(scope: FastifyInstance): void {
  // Fastify's own parser (it refuses __proto__ and constructor keys), fed the text we keep.
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(parseError('FST_ERR_CTP_EMPTY_JSON_BODY', 'empty body'), undefined);
    raw.set(request, text);
    parseJson(request, text, done);
  });
}

/** The exact body text of a request parsed in a `keepRawJsonBody` scope ('' when none). */
export function rawBodyOf(request: FastifyRequest): string {
  return raw.get(request) ?? '';
}
