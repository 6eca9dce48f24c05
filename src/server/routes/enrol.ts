/**
 * POST /api/enrol: redeem a one-time code for a device token and the checkpoint's details.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { API, EnrolRequestSchema, describeIssues, type EnrolResponse } from '../../shared/protocol';
import { sendError } from '../http/errors';
import { enrolDevice, type EnrolFailure } from '../services/enrolment';
import type { RouteDeps } from './deps';

const FAILURES: Record<EnrolFailure, { status: number; message: string }> = {
  unknown_code: { status: 404, message: 'This enrolment code does not exist; ask the district for a new link.' },
  code_expired: { status: 410, message: 'This enrolment code has expired; ask the district for a new link.' },
  code_used: { status: 409, message: 'This enrolment code has already been used by another device.' },
  checkpoint_closed: { status: 409, message: 'The checkpoint of this enrolment code is closed.' },
};

/** Registers the enrolment route. */
export function registerEnrolRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post(API.enrol, async (request, reply) => {
    const parsed = v.safeParse(EnrolRequestSchema, request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));

    const now = deps.now();
    const outcome = await enrolDevice(deps.db, parsed.output, now);
    if (!outcome.ok) {
      const failure = FAILURES[outcome.error];
      return sendError(reply, failure.status, outcome.error, failure.message);
    }
    const body: EnrolResponse = {
      deviceId: outcome.deviceId,
      token: outcome.token,
      checkpoint: outcome.checkpoint,
      serverTime: now,
      districtKey: deps.keyring.current,
    };
    return reply.code(201).send(body);
  });
}
