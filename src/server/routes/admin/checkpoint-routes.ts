/**
 * Checkpoints in the console: list, create, edit, close/reopen, and a one-time enrolment link for a
 * guard device. Commune officers see and change only their own commune's checkpoints.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as QRCode from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import { CHECKPOINT_STAFF, mayActInUnit, unitScope } from '../../auth/roles';
import {
  checkpointCodeTaken,
  createCheckpoint,
  findConsoleCheckpoint,
  listConsoleCheckpoints,
  nextCheckpointCode,
  updateCheckpoint,
} from '../../db/checkpoints-repo';
import { setCheckpointStatus } from '../../db/checkpoints-repo';
import { listUnits } from '../../db/units-repo';
import {
  CheckpointCreateSchema,
  CheckpointFieldsSchema,
  EnrolLinkRequestSchema,
} from '../../../shared/console-api/schemas';
import { sendError } from '../../http/errors';
import { enrolLink, issueEnrolmentCode } from '../../services/enrolment';
import type { RouteDeps } from '../deps';
import { audit, parseBody, userOf } from './context';
import { adminRoutes } from '../../../shared/console-api';
import type { AdminCheckpoint } from '../../../shared/admin-api';

const FieldsSchema = CheckpointFieldsSchema;
const CreateSchema = CheckpointCreateSchema;
const EnrolSchema = EnrolLinkRequestSchema;

/** Loads a checkpoint the user may act on; sends 404/403 and returns undefined otherwise. */
export async function checkpointForUser(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<AdminCheckpoint | undefined> {
  const cp = await findConsoleCheckpoint(deps.db, id);
  if (!cp) {
    void sendError(reply, 404, 'checkpoint_not_found', 'There is no such checkpoint.');
    return undefined;
  }
  if (!mayActInUnit(userOf(request), cp.unitId)) {
    void sendError(reply, 403, 'forbidden', 'This checkpoint belongs to another commune.');
    return undefined;
  }
  return cp;
}

type IdParams = { Params: { id: string } };

/** Registers the checkpoint routes. */
export function registerCheckpointRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: CHECKPOINT_STAFF };

  app.get(adminRoutes.checkpoints.pattern, { config }, async (request) =>
    listConsoleCheckpoints(deps.db, unitScope(userOf(request))),
  );

  app.get<IdParams>(adminRoutes.checkpoint.pattern, { config }, async (request, reply) => {
    return (await checkpointForUser(deps, request, reply, request.params.id)) ?? reply;
  });

  app.post(adminRoutes.checkpointCreate.pattern, { config }, async (request, reply) => {
    const body = parseBody(CreateSchema, request.body, reply);
    if (!body) return reply;
    const unit = (await listUnits(deps.db)).find((u) => u.id === body.unitId);
    if (!unit || unit.level !== 'commune') return sendError(reply, 400, 'unknown_unit', 'unitId must name a commune.');
    if (!mayActInUnit(userOf(request), unit.id))
      return sendError(reply, 403, 'forbidden', 'You may only add checkpoints in your own commune.');
    const code = body.code || (await nextCheckpointCode(deps.db, unit.code));
    if (await checkpointCodeTaken(deps.db, code))
      return sendError(reply, 409, 'code_taken', `The code ${code} is already used.`);
    const { unitId, code: _code, ...fields } = body;
    const id = uuidv7();
    await createCheckpoint(deps.db, { id, code, unitId, ...fields, createdAt: deps.now() });
    await audit(deps, request, 'checkpoint.create', { type: 'checkpoint', id }, { code });
    return reply.code(201).send(await findConsoleCheckpoint(deps.db, id));
  });

  app.put<IdParams>(adminRoutes.checkpointUpdate.pattern, { config }, async (request, reply) => {
    const cp = await checkpointForUser(deps, request, reply, request.params.id);
    if (!cp) return reply;
    const body = parseBody(FieldsSchema, request.body, reply);
    if (!body) return reply;
    await updateCheckpoint(deps.db, cp.id, body);
    await audit(deps, request, 'checkpoint.update', { type: 'checkpoint', id: cp.id }, { code: cp.code });
    return findConsoleCheckpoint(deps.db, cp.id);
  });

  for (const [action, status, route] of [
    ['close', 'closed', adminRoutes.checkpointClose],
    ['reopen', 'open', adminRoutes.checkpointReopen],
  ] as const) {
    app.post<IdParams>(route.pattern, { config }, async (request, reply) => {
      const cp = await checkpointForUser(deps, request, reply, request.params.id);
      if (!cp) return reply;
      await setCheckpointStatus(deps.db, cp.id, status);
      await audit(deps, request, `checkpoint.${action}`, { type: 'checkpoint', id: cp.id }, { code: cp.code });
      return findConsoleCheckpoint(deps.db, cp.id);
    });
  }

  app.post<IdParams>(adminRoutes.checkpointEnrolmentLink.pattern, { config }, async (request, reply) => {
    const cp = await checkpointForUser(deps, request, reply, request.params.id);
    if (!cp) return reply;
    if (cp.status !== 'open')
      return sendError(reply, 409, 'checkpoint_closed', 'Reopen the checkpoint before enrolling devices.');
    const body = parseBody(EnrolSchema, request.body ?? {}, reply);
    if (!body) return reply;
    const now = deps.now();
    const code = await issueEnrolmentCode(deps.db, cp.id, now, body.expiresHours);
    const link =
      enrolLink(deps.publicUrl, code) + (body.deviceName ? `?name=${encodeURIComponent(body.deviceName)}` : '');
    await audit(
      deps,
      request,
      'device.enrolment_link',
      { type: 'checkpoint', id: cp.id },
      { code: cp.code, expiresHours: body.expiresHours },
    );
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({
      link,
      expiresAt: now + Math.round(body.expiresHours * 3_600_000),
      qrSvg: await QRCode.toString(link, { type: 'svg', margin: 2 }),
    });
  });
}
