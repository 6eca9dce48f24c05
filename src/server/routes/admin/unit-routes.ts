/**
 * Administrative units: the list (everyone signed in who manages checkpoints) and the CSV import (admins).
 */
import type { FastifyInstance } from 'fastify';
import { UnitImportSchema } from '../../../shared/console-api/schemas';
import { ADMIN_ONLY, CHECKPOINT_STAFF } from '../../auth/roles';
import { listUnits } from '../../db/units-repo';
import { sendError } from '../../http/errors';
import { UnitImportError, importUnits } from '../../services/unit-import';
import type { RouteDeps } from '../deps';
import { audit, parseBody } from './context';
import { adminRoutes } from '../../../shared/console-api';

const ImportSchema = UnitImportSchema;

/** Registers the unit routes. */
export function registerUnitRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(adminRoutes.units.pattern, { config: { access: CHECKPOINT_STAFF } }, async () => listUnits(deps.db));

  app.post(adminRoutes.unitImport.pattern, { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const body = parseBody(ImportSchema, request.body, reply);
    if (!body) return reply;
    try {
      const result = await importUnits(deps.db, body.csv);
      await audit(deps, request, 'unit.import', null, { ...result });
      return result;
    } catch (error) {
      if (error instanceof UnitImportError) return sendError(reply, 400, 'invalid_csv', error.message);
      throw error;
    }
  });
}
