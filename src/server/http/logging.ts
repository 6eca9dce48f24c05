/**
 * Request logging without personal data or secrets: method, path (no query string), status and
 * timing only. Bodies, headers (tokens) and query strings never reach the log.
 */
import type { FastifyServerOptions } from 'fastify';

interface LoggedRequest {
  method?: string;
  url?: string;
}

interface LoggedReply {
  statusCode?: number;
}

/** A URL without its query string (fragments never reach a server). */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

const SAFE_SERIALIZERS = {
  req: (req: LoggedRequest) => ({ method: req.method, path: pathOnly(req.url) }),
  res: (res: LoggedReply) => ({ statusCode: res.statusCode }),
};

/** Fastify logger options for a config value: off by default, our safe serializers whenever on. */
export function loggerOptions(logger: boolean | object | undefined): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = typeof logger === 'object' ? logger : {};
  return {
    level: 'info',
    ...base,
    serializers: SAFE_SERIALIZERS,
    redact: { paths: ['req.headers', 'req.query', 'req.body', 'body'], remove: true },
  };
}
