/**
 * GET /api/risk-policy (public, no personal data): what the district tells a person with a risk signal
 * and how long a declaration stays valid. Visitor phones cache it for offline use.
 */
import type { FastifyInstance } from 'fastify';
import { API, type RiskPolicy } from '../../shared/protocol';
import { getSettings } from '../db/settings-repo';
import type { RouteDeps } from './deps';

/** Registers the risk policy route. */
export function registerRiskPolicyRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.get(API.riskPolicy, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    const s = await getSettings(deps.db);
    const body: RiskPolicy = {
      declarationValidDays: s.declarationValidDays,
      instruction: s.riskInstruction,
      healthPhone: s.healthPhone,
    };
    return body;
  });
}
