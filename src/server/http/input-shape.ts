/**
 * Refuses request input whose shape no route accepts, before any handler sees it: JSON nested
 * deeper than MAX_DEPTH (a handler's JSON.stringify or a recursive walk would overflow the stack:
 * 500) and text holding a lone UTF-16 surrogate (SQLite would store invalid UTF-8 while PostgreSQL
 * stores U+FFFD; we refuse on both, so both databases hold the same thing). 400 with a reason code.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors';

/** Deepest nesting any route's body may have (the deepest real body, a push, is about 5). */
const MAX_DEPTH = 32;

type ShapeProblem = 'too_deep' | 'lone_surrogate';

/**
 * What is wrong with a parsed JSON value, or null when its shape is fine. Depth first, each level's keys
 * before its children, the last child first (the order of the stack walk it replaced, so a body with
 * two problems gets the same answer); the recursion stops at MAX_DEPTH. `isWellFormed` is V8's own
 * lone-surrogate test: 0.6–0.7 µs per pushed check-in here against 1.3–2.4 µs for the stack walk with a regular expression.
 */
function inputShapeProblem(value: unknown, depth = 0): ShapeProblem | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : 'lone_surrogate';
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_DEPTH) return 'too_deep';
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      const problem = inputShapeProblem(value[i], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  const keys = Object.keys(value);
  for (const key of keys) if (!key.isWellFormed()) return 'lone_surrogate';
  for (let i = keys.length - 1; i >= 0; i--) {
    const problem = inputShapeProblem((value as Record<string, unknown>)[keys[i]!], depth + 1);
    if (problem) return problem;
  }
  return null;
}

const MESSAGES = {
  too_deep: `The request is nested deeper than ${MAX_DEPTH} levels.`,
  lone_surrogate: 'The request holds text with a broken character (a lone UTF-16 surrogate); send valid Unicode text.',
} as const;

/** Installs the check on every route (query string and body). */
export function installInputShapeGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const problem =
      inputShapeProblem(request.body) ?? inputShapeProblem(request.query) ?? inputShapeProblem(request.params);
    if (problem) return sendError(reply, 400, problem, MESSAGES[problem]);
    return undefined;
  });
}
