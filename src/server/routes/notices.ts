/**
 * GET /api/notices: the risk notices in force, public (visitor apps and guard devices compare them
 * with the visits kept on the phone; nothing about the visitor is sent).
 */
import type { FastifyInstance } from 'fastify';
import { API, type NoticesResponse } from '../../shared/protocol';
import { activeNotices } from '../db/notices-repo';
import type { RouteDeps } from './deps';

/** Registers GET /api/notices. */
export function registerNoticesRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.get(API.notices, async (_request, reply): Promise<NoticesResponse> => {
    void reply.header('cache-control', 'no-store');
    return { notices: await activeNotices(deps.db, deps.now()), serverTime: deps.now() };
  });
}
