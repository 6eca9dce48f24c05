/**
 * POST /api/visitor/register: a visitor's phone gets an anonymous device token for its self check-ins.
 * No personal data is sent or stored; registrations are rate-limited per network (IP hash) in the database.
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import * as v from 'valibot';
import { API, VisitorRegisterRequestSchema, describeIssues, type VisitorRegisterResponse } from '../../shared/protocol';
import { countVisitorRegistrations, insertVisitorDevice } from '../db/visitor-devices-repo';
import { newDeviceToken, sha256Hex } from '../domain/secrets';
import { sendError } from '../http/errors';
import type { RouteDeps } from './deps';

/** Registrations one network (IP address) may make per window; generous because of carrier-grade NAT. */
export const VISITOR_REGISTER_LIMIT = 60;
export const VISITOR_REGISTER_WINDOW_MS = 3_600_000;

/** A short, non-reversible-at-a-glance tag of the caller's network, kept on the device row for rate limiting. */
export function networkTag(ip: string): string {
  return sha256Hex(`visitor-ip:${ip}`).slice(0, 16);
}

/** Registers the visitor registration route. */
export function registerVisitorRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post(API.visitorRegister, async (request, reply) => {
    const parsed = v.safeParse(VisitorRegisterRequestSchema, request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));

    const now = deps.now();
    const tag = networkTag(request.ip);
    if ((await countVisitorRegistrations(deps.db, tag, now - VISITOR_REGISTER_WINDOW_MS)) >= VISITOR_REGISTER_LIMIT) {
      reply.header('retry-after', String(Math.ceil(VISITOR_REGISTER_WINDOW_MS / 6_000)));
      return sendError(reply, 429, 'too_many_registrations', 'Too many phones registered from this network recently; try again later.');
    }
    const deviceId = uuidv7();
    const token = newDeviceToken();
    await insertVisitorDevice(deps.db, { id: deviceId, appVersion: parsed.output.appVersion, registeredAt: now, networkTag: tag }, sha256Hex(token));
    const body: VisitorRegisterResponse = { deviceId, token, serverTime: now };
    return reply.code(201).send(body);
  });
}
