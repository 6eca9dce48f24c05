/**
 * POST /api/sync/push: a guard device uploads queued check-ins; every item gets a verdict. Over its
 * quota (services/ingest-limits.ts) a push is answered 429 with Retry-After.
 * Guard devices sign each push (device proof over method, path, body hash and time); the token alone
 * is not enough. Protocol 1 bodies (plain items) are still accepted; protocol 2 carries sealed items.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { ACCEPTED_PROTOCOLS, API, PushRequestSchema, describeIssues } from '../../shared/protocol';
import { latestQuestionnaireVersion } from '../db/questionnaires-repo';
import { requireDevice } from '../http/auth';
import { sendError } from '../http/errors';
import { keepRawJsonBody, rawBodyOf } from '../http/raw-body';
import { PROOF_HEADER, checkRequestProof, needsProof } from '../sealed/proof-check';
import type { RouteDeps } from './deps';
import { secDataDict } from '../i18n/dict-sec-data';

/** The `protocol` field of a body, when there is one. */
function protocolOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'protocol' in body ? body.protocol : undefined;
}

/** A short, safe description of a client value (never JSON.stringify on attacker input: it can overflow). */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 20));
  return value === null
    ? 'null'
    : typeof value === 'object'
      ? Array.isArray(value)
        ? 'a list'
        : 'an object'
      : typeof value;
}

/** Registers the push route. */
export function registerPushRoute(app: FastifyInstance, deps: RouteDeps): void {
  void app.register(async (scope) => {
    keepRawJsonBody(scope);
    scope.post(API.push, { onRequest: requireDevice(deps.db, { allowRevoked: true }) }, async (request, reply) => {
      const device = request.device;
      if (!device) return sendError(reply, 401, 'missing_token', 'This request needs an Authorization: Bearer token.');

      const protocol = protocolOf(request.body);
      if (protocol !== undefined && !(ACCEPTED_PROTOCOLS as readonly unknown[]).includes(protocol)) {
        return sendError(
          reply,
          400,
          'unsupported_protocol',
          `This server speaks sync protocols ${ACCEPTED_PROTOCOLS.join(' and ')}, not ${describeValue(protocol)}; update the app.`,
        );
      }
      const parsed = v.safeParse(PushRequestSchema, request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));

      if (needsProof(device)) {
        const refusal = await checkRequestProof(
          deps.db,
          device,
          {
            header: request.headers[PROOF_HEADER],
            method: request.method,
            path: request.routeOptions.url ?? API.push,
            rawBody: rawBodyOf(request),
            deviceClockMs: parsed.output.sentAt,
            now: deps.now(),
          },
          deps.writes.claimProof,
        );
        if (refusal) return sendError(reply, refusal.status, refusal.error, refusal.message);
      }

      const [outcome, questionnaireVersion] = await Promise.all([
        deps.ingestor.push(device, parsed.output, deps.now, { address: request.ip }),
        latestQuestionnaireVersion(deps.db),
      ]);
      if (outcome.type === 'quota_exceeded') {
        reply.header('retry-after', String(outcome.retryAfterS));
        return sendError(reply, 429, 'too_many_items', secDataDict['error.too_many_items'].vi);
      }
      // Only part of the push fitted the quota: the unanswered items stay queued on the device.
      if (outcome.retryAfterS !== undefined) reply.header('retry-after', String(outcome.retryAfterS));
      return { ...outcome.response, questionnaireVersion };
    });
  });
}
