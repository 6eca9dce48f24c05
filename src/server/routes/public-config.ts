/**
 * Public, personal-data-free configuration every PWA caches for offline use: the current
 * questionnaire and the public key that verifies checkpoint posters.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/protocol';
import { latestQuestionnaire } from '../db/questionnaires-repo';
import type { RouteDeps } from './deps';

/** Registers GET /api/questionnaire and GET /api/poster-key. */
export function registerPublicConfigRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(API.questionnaire, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return latestQuestionnaire(deps.db);
  });
  app.get(API.posterKey, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return { publicKey: deps.posterSigner.publicKey };
  });
}
