/**
 * The district server as a Fastify instance: JSON API for guard devices plus the built PWA.
 * Tests drive it through `app.inject`; the CLI makes it listen.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/protocol';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { describeError, installErrorHandler, sendError } from './http/errors';
import { loggerOptions, pathOnly } from './http/logging';
import { isSpaRoute, registerStatic } from './http/static';
import type { RouteDeps } from './routes/deps';
import { registerEnrolRoute } from './routes/enrol';
import { registerHealthRoute } from './routes/health';
import { registerPushRoute } from './routes/push';
import { createIngestor } from './services/ingest';

export interface AppConfig {
  /** SQLite database file (created and migrated when missing). */
  dbFile: string;
  /** The built PWA (Vite's `dist/`); served when the directory exists. */
  staticDir?: string;
  /** The URL people and devices reach this server at. */
  publicUrl: string;
  /** Fastify logger: off unless set; request logs never carry bodies, query strings or tokens. */
  logger?: boolean | object;
  /** The server clock, ms since the epoch (tests inject one). */
  now?: () => number;
}

/** A request that should wait at most this long for its body and answer, ms (slow-client guard). */
const REQUEST_TIMEOUT_MS = 60_000;

function isDirectory(path: string | undefined): path is string {
  return path !== undefined && existsSync(path) && statSync(path).isDirectory();
}

/** Builds the server: opens and migrates the database, registers routes; closing the app closes the database. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const db = openDatabase(config.dbFile);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const app = Fastify({
    logger: loggerOptions(config.logger),
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    frameworkErrors: (err: FastifyError, _request, reply) => {
      const { status, body } = describeError(err);
      void sendError(reply, status, body.error, body.message);
    },
  });
  app.decorateRequest('device', null);
  app.addHook('onClose', async () => {
    await db.destroy();
  });
  // JSON only: without this, text/plain bodies would reach handlers as strings instead of a 415.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);

  const deps: RouteDeps = { db, ingestor: createIngestor(db), now: config.now ?? Date.now, publicUrl: config.publicUrl };
  registerHealthRoute(app, deps);
  registerEnrolRoute(app, deps);
  registerPushRoute(app, deps);

  const staticDir = isDirectory(config.staticDir) ? config.staticDir : undefined;
  if (staticDir) await registerStatic(app, staticDir);
  const spa = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));

  app.setNotFoundHandler((request, reply) => {
    const path = pathOnly(request.url);
    const isApi = path === '/api' || path.startsWith('/api/');
    if (spa && !isApi && (request.method === 'GET' || request.method === 'HEAD') && isSpaRoute(path)) {
      return reply.sendFile('index.html');
    }
    return sendError(reply, 404, 'not_found', `There is nothing at ${request.method} ${path.slice(0, 200)}.`);
  });

  return app;
}
