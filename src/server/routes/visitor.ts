/**
 * POST /api/visitor/register: a visitor's phone gets an anonymous device token for its self check-ins.
 * No personal data is sent or stored; registrations are limited per network (IP hash) by a database counter
 * reserved atomically with the insert (services/ingest-limits.ts).
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import * as v from 'valibot';
import { API, VisitorRegisterRequestSchema, describeIssues, type VisitorRegisterResponse } from '../../shared/protocol';
import { insertVisitorDeviceWithinQuota } from '../db/visitor-devices-repo';
import { quotaUsage } from '../db/ingest-quota-repo';
import { REGISTER_QUOTA, addressTag, counterFor, retryAfterSeconds } from '../services/ingest-limits';
import { secDataDict } from '../i18n/dict-sec-data';
import { newDeviceToken, sha256Hex } from '../domain/secrets';
import { sendError } from '../http/errors';
import type { RouteDeps } from './deps';

/** Registrations one network (IP address) may make per window; generous because of carrier-grade NAT. */
export const VISITOR_REGISTER_LIMIT = REGISTER_QUOTA.limit;

/** A short, non-reversible-at-a-glance tag of the caller's network, kept on the device row. */
function networkTag(ip: string): string {
  return addressTag(ip);
}

/** Registers the visitor registration route. */
export function registerVisitorRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(API.visitorRegister, async (request, reply) => {
    const parsed = v.safeParse(VisitorRegisterRequestSchema, request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));

    const now = deps.now();
    const tag = networkTag(request.ip);
    const counter = counterFor(`register:visitor-address:${tag}`, REGISTER_QUOTA, now);
    const deviceId = uuidv7();
    const token = newDeviceToken();
    // Reserved in the same transaction as the insert: simultaneous registrations cannot overshoot the limit.
    const device = { id: deviceId, appVersion: parsed.output.appVersion, registeredAt: now, networkTag: tag };
    if (!(await insertVisitorDeviceWithinQuota(deps.db, device, sha256Hex(token), counter))) {
      reply.header('retry-after', String(retryAfterSeconds([counter], await quotaUsage(deps.db, [counter]), now)));
      return sendError(reply, 429, 'too_many_registrations', secDataDict['error.too_many_registrations'].vi);
    }
    const body: VisitorRegisterResponse = { deviceId, token, serverTime: now };
    return reply.code(201).send(body);
  });
}
