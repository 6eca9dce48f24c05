/**
 * Bearer-token authentication of guard devices: the token is hashed and looked up; the device it
 * belongs to is attached to the request.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { findDeviceByTokenHash } from '../db/devices-repo';
import { looksLikeDeviceToken, sha256Hex } from '../domain/secrets';
import type { Device } from '../domain/types';
import { sendError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated guard device, set by `requireDevice` on routes that use it. */
    device: Device | null;
  }
}

/** The token from an `Authorization: Bearer <token>` header, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer +(\S+)\s*$/i);
  const token = match?.[1];
  return token && looksLikeDeviceToken(token) ? token : null;
}

/**
 * An onRequest hook admitting only enrolled, unrevoked devices (401 / 403 otherwise); `allowRevoked` lets revoked ones
 * through (push).
 */
export function requireDevice(db: Db, options: { allowRevoked?: boolean } = {}) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    if (!header) {
      await sendError(
        reply,
        401,
        'missing_token',
        'This request needs an Authorization: Bearer token; enrol the device first.',
      );
      return;
    }
    const token = bearerToken(header);
    const device = token ? await findDeviceByTokenHash(db, sha256Hex(token)) : undefined;
    if (!device) {
      await sendError(reply, 401, 'invalid_token', 'The device token is not valid; enrol the device again.');
      return;
    }
    if (device.revokedAt !== null && !options.allowRevoked) {
      await sendError(
        reply,
        403,
        'device_revoked',
        'This device has been revoked by the district; enrol it again with a new code.',
      );
      return;
    }
    request.device = device;
  };
}
