/**
 * Posters: the signed, non-expiring poster link of a checkpoint (and all of a commune's at once) as
 * vector SVG QR codes; door-screen links (a tablet credential, not a session) and the door code
 * whose signature carries the current minute.
 */
import { adminRoutes, DOOR_CODE_PATH, type DoorCode } from '../../../shared/console-api';
import type { FastifyInstance } from 'fastify';
import * as QRCode from 'qrcode';
import { CHECKPOINT_STAFF, mayActInUnit } from '../../auth/roles';
import { findConsoleCheckpoint, listConsoleCheckpoints } from '../../db/checkpoints-repo';
import type { AdminCheckpoint } from '../../../shared/admin-api';
import { findDoorScreenCheckpoint, replaceDoorScreen } from '../../db/door-screens-repo';
import { newDeviceToken, sha256Hex } from '../../domain/secrets';
import { bearerToken } from '../../http/auth';
import { sendError } from '../../http/errors';
import { DOOR_CODE_TOLERANCE_MIN } from '../../../shared/poster/poster-link';
import type { RouteDeps } from '../deps';
import { checkpointForUser } from './checkpoint-routes';
import { audit, userOf } from './context';

/** How often the door screen fetches a fresh code, seconds. */
const DOOR_REFRESH_S = 30;

/** A printable poster: the checkpoint, its signed link and the link as an SVG QR code. */
async function posterOf(deps: RouteDeps, cp: AdminCheckpoint, minute?: number) {
  const claims = { code: cp.code, checkpointId: cp.id, name: cp.name, ...(minute === undefined ? {} : { t: minute }) };
  const url = deps.posterSigner.url(claims);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { checkpoint: cp, url, qrSvg };
}

type IdParams = { Params: { id: string } };

/**
 * Registers the poster and door-screen routes (GET /api/door/code sits outside /api/admin: the tablet has no session).
 */
export function registerPosterRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: CHECKPOINT_STAFF };

  app.get<IdParams>(adminRoutes.checkpointPoster.pattern, { config }, async (request, reply) => {
    const cp = await checkpointForUser(deps, request, reply, request.params.id);
    if (!cp) return reply;
    return posterOf(deps, cp);
  });

  app.post<IdParams>(adminRoutes.checkpointDoorLink.pattern, { config }, async (request, reply) => {
    const cp = await checkpointForUser(deps, request, reply, request.params.id);
    if (!cp) return reply;
    const token = newDeviceToken();
    await replaceDoorScreen(deps.db, cp.id, sha256Hex(token), userOf(request).id, deps.now());
    await audit(deps, request, 'door_screen.link', { type: 'checkpoint', id: cp.id }, { code: cp.code });
    reply.header('cache-control', 'no-store');
    const link = `${deps.publicUrl.replace(/\/+$/, '')}/console/door#${token}`;
    return reply.code(201).send({ link, qrSvg: await QRCode.toString(link, { type: 'svg', margin: 2 }) });
  });

  // The tablet's only capability: its checkpoint's current code (Bearer door token, not a session).
  app.get(DOOR_CODE_PATH, async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const checkpointId = token ? await findDoorScreenCheckpoint(deps.db, sha256Hex(token)) : undefined;
    const cp = checkpointId ? await findConsoleCheckpoint(deps.db, checkpointId) : undefined;
    if (!cp)
      return sendError(
        reply,
        401,
        'invalid_door_token',
        'This door-screen link is not valid any more; ask for a new one.',
      );
    if (cp.status !== 'open') return sendError(reply, 409, 'checkpoint_closed', 'This checkpoint is closed.');
    const now = deps.now();
    const minute = Math.floor(now / 60_000);
    reply.header('cache-control', 'no-store');
    const { url, qrSvg } = await posterOf(deps, cp, minute);
    const answer: DoorCode = {
      checkpoint: { code: cp.code, name: cp.name, unitName: cp.unitName },
      url,
      qrSvg,
      validUntil: (minute + DOOR_CODE_TOLERANCE_MIN + 1) * 60_000,
      refreshS: DOOR_REFRESH_S,
    };
    return answer;
  });

  app.get<IdParams>(adminRoutes.unitPosters.pattern, { config }, async (request, reply) => {
    if (!mayActInUnit(userOf(request), request.params.id))
      return sendError(reply, 403, 'forbidden', 'This commune is not yours.');
    const checkpoints = (await listConsoleCheckpoints(deps.db, request.params.id)).filter((c) => c.status === 'open');
    return Promise.all(checkpoints.map((cp) => posterOf(deps, cp)));
  });
}
