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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/** What is wrong with a parsed JSON value, or null when its shape is fine. */
function inputShapeProblem(value: unknown): 'too_deep' | 'lone_surrogate' | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!wellFormed(v)) return 'lone_surrogate';
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) return 'too_deep';
      for (const [key, child] of Object.entries(v)) {
        if (!wellFormed(key)) return 'lone_surrogate';
        stack.push({ value: child, depth: depth + 1 });
      }
    }
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
