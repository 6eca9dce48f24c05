/** Every 4xx the server sends has a reason code of the dictionary: Fastify's statuses mapped, parser errors too. */
import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../../../src/shared/reasons';
import { describeError } from '../../../src/server/http/errors';
import { clientErrorAnswer } from '../../../src/server/http/client-errors';

function errorWith(fields: Partial<FastifyError>): FastifyError {
  return Object.assign(new Error('x'), fields) as FastifyError;
}

describe('error codes', () => {
  it.each([
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'method_not_allowed'],
    [408, 'request_timeout'],
    [414, 'url_too_long'],
    [429, 'rate_limited'],
    [431, 'headers_too_large'],
    [418, 'bad_request'],
  ])('a Fastify error of status %i is answered %s', (statusCode, code) => {
    const { status, body } = describeError(errorWith({ statusCode }));
    expect(status).toBe(statusCode);
    expect(body).toEqual({ error: code, message: REASONS[code as keyof typeof REASONS].en });
  });

  it('a path the static files refuse is "not found", never a 403', () => {
    const { status, body } = describeError(errorWith({ statusCode: 403, code: 'FST_STATIC_FORBIDDEN_PATH' }));
    expect([status, body.error]).toEqual([404, 'not_found']);
  });

  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'headers_too_large'],
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 400, 'bad_content_length'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request_timeout'],
    ['HPE_INVALID_METHOD', 400, 'malformed_request'],
    [undefined, 400, 'malformed_request'],
  ])('a parser error %s is a raw %i %s with a JSON body of the right length', (errorCode, status, code) => {
    const answer = clientErrorAnswer(errorCode);
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    const [head, body] = answer.split('\r\n\r\n') as [string, string];
    expect(JSON.parse(body)).toEqual({ error: code, message: REASONS[code as keyof typeof REASONS].en });
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(head).toContain('Connection: close');
  });
});
