/**
 * Console accounts (admins): list, create (commune officers need their commune), disable.
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../auth/password';
import { judgePassword } from '../../auth/password-strength';
import { sendWeakPassword } from './weak-password';
import { ADMIN_ONLY } from '../../auth/roles';
import { deleteUserSessions } from '../../db/sessions-repo';
import { listUnits } from '../../db/units-repo';
import { disableUser, findUserById, findUserForLogin, insertUser, listUsers } from '../../db/users-repo';
import { sendError } from '../../http/errors';
import type { RouteDeps } from '../deps';
import { audit, parseBody, userOf } from './context';
import { adminRoutes } from '../../../shared/console-api';
import { UserCreateSchema } from '../../../shared/console-api/schemas';

const CreateSchema = UserCreateSchema;

/** Registers the user routes. */
export function registerUserRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: ADMIN_ONLY };

  app.get(adminRoutes.users.pattern, { config }, async () => listUsers(deps.db));

  app.post(adminRoutes.userCreate.pattern, { config }, async (request, reply) => {
    const body = parseBody(CreateSchema, request.body, reply);
    if (!body) return reply;
    let unitId: string | null = null;
    if (body.role === 'officer') {
      const unit = (await listUnits(deps.db)).find((u) => u.id === body.unitId && u.level === 'commune');
      if (!unit) return sendError(reply, 400, 'unit_required', 'A commune officer needs a commune (unitId).');
      unitId = unit.id;
    }
    if (await findUserForLogin(deps.db, body.username))
      return sendError(reply, 409, 'username_taken', 'This username is taken.');
    const verdict = judgePassword(body.password, [body.username, body.displayName]);
    if (!verdict.ok) return sendWeakPassword(reply, verdict);
    const id = uuidv7();
    await insertUser(
      deps.db,
      { id, username: body.username, displayName: body.displayName, role: body.role, unitId, createdAt: deps.now() },
      await hashPassword(body.password),
    );
    await audit(deps, request, 'user.create', { type: 'user', id }, { role: body.role });
    return reply.code(201).send(await findUserById(deps.db, id));
  });

  app.post<{ Params: { id: string } }>(adminRoutes.userDisable.pattern, { config }, async (request, reply) => {
    const user = await findUserById(deps.db, request.params.id);
    if (!user) return sendError(reply, 404, 'user_not_found', 'There is no such account.');
    if (user.id === userOf(request).id)
      return sendError(reply, 409, 'cannot_disable_self', 'You cannot disable your own account.');
    await disableUser(deps.db, user.id, deps.now());
    await deleteUserSessions(deps.db, user.id);
    await audit(deps, request, 'user.disable', { type: 'user', id: user.id });
    return findUserById(deps.db, user.id);
  });
}
