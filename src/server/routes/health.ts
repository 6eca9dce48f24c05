/**
 * GET /api/health: liveness plus the server clock (devices use it to show their own skew).
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/protocol';
import type { RouteDeps } from './deps';

/** Registers the health route. */
export function registerHealthRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.get(API.health, async () => ({ ok: true as const, serverTime: deps.now() }));
}
