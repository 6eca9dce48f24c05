/**
 * The district server as a Fastify instance: JSON API for guard devices plus the built PWA.
 * Tests drive it through `app.inject`; the CLI makes it listen.
 */
import { serverEnv } from './env';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/protocol';
import { openTarget } from './db/database';
import { ensurePartitions, startPartitionTimer } from './db/partitions';
import { migrateToLatest } from './db/migrate';
import { describeError, installErrorHandler, sendError } from './http/errors';
import { handleClientError } from './http/client-errors';
import { loggerOptions, pathOnly } from './http/logging';
import { isSpaRoute, registerStatic } from './http/static';
import { isApiPath } from './http/path-shape';
import { registerSecurityHeaders } from './http/security-headers';
import { installInputShapeGuard } from './http/input-shape';
import { installConsoleGate } from './auth/console-guard';
import type { RouteDeps } from './routes/deps';
import { registerEnrolRoute } from './routes/enrol';
import { registerHealthRoute } from './routes/health';
import { registerPushRoute } from './routes/push';
import { createIngestor } from './services/ingest';
import { inlinePushWrites, threadPushWrites } from './services/push-writes';
import { loadPosterSigner } from './services/poster-signing';
import { registerDeviceConfigRoute } from './routes/device-config';
import { registerPublicConfigRoutes } from './routes/public-config';
import { registerConsoleRoutes } from './routes/admin';
import { registerVisitorRoutes } from './routes/visitor';
import { registerNoticesRoute } from './routes/notices';
import { startRetentionTimer } from './services/retention';
import { startForwarder, type ForwardConfig } from './forwarding/sender';
import { registerForwardingCatalogRoute } from './forwarding/receiver-routes';
import { registerRiskPolicyRoute } from './routes/risk-policy';
import { registerDeviceKeyRoute } from './routes/device-key';
import { loadDistrictKeyring } from './sealed/district-keys';

export interface AppConfig {
  /** SQLite database file (created and migrated when missing); ignored when `databaseUrl` is set. */
  dbFile?: string;
  /** PostgreSQL URL (`DATABASE_URL`): province scale, several server instances on one database. */
  databaseUrl?: string;
  /**
   * Trust X-Forwarded-For from the reverse proxy (`TRUST_PROXY`): a hop count or its addresses/CIDRs, never "everyone".
   */
  trustProxy?: number | string[];
  /** The built PWA (Vite's `dist/`); served when the directory exists. */
  staticDir?: string;
  /** The URL people and devices reach this server at. */
  publicUrl: string;
  /** Fastify logger: off unless set; request logs never carry bodies, query strings or tokens. */
  logger?: boolean | object;
  /** Run the daily retention purge in this process (the CLI's `start` does; tests do not). */
  retentionTimer?: boolean;
  /** The server clock, ms since the epoch (tests inject one). */
  now?: () => number;
  /** Called for every route as it is registered (the route-role matrix test collects them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
  /** Forward every accepted check-in to a province server (`FORWARD_URL` + `FORWARD_TOKEN`); see docs/deploy.md. */
  forward?: ForwardConfig;
  /**
   * Directory of the district key pairs check-ins are sealed to (`DISTRICT_KEY_DIR`); default
   * `district-keys/` beside the SQLite file. Kept outside the database; back it up (docs/security.md).
   */
  districtKeyDir?: string;
  /**
   * Worker threads that open sealed items (`UNSEAL_THREADS`; the CLI's `start` uses one per core). 0 or unset: none.
   */
  unsealThreads?: number;
  /**
   * SQLite: store pushes on a writer thread with its own connection (`services/push-writes.ts`), so SQLite's work
   * overlaps with parsing the next pushes. The CLI's `start` does (`WRITER_THREAD=0` turns it off); in-process tests
   * mostly do not.
   */
  writerThread?: boolean;
}

/** Where the district keys live for this configuration. */
function districtKeyDirOf(config: AppConfig): string {
  const dir = config.districtKeyDir ?? serverEnv().districtKeyDir;
  if (dir) return dir;
  if (config.dbFile && !config.databaseUrl && config.dbFile !== ':memory:')
    return join(dirname(config.dbFile), 'district-keys');
  // A PostgreSQL server started without a key directory (tests): one per database, in the temp dir.
  const id = createHash('sha256')
    .update(config.databaseUrl ?? 'memory')
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `tram-qr-district-keys-${id}`);
}

/** A request that should wait at most this long for its body and answer, ms (slow-client guard). */
const REQUEST_TIMEOUT_MS = 60_000;

function isDirectory(path: string | undefined): path is string {
  return path !== undefined && existsSync(path) && statSync(path).isDirectory();
}

/** Builds the server: opens and migrates the database, registers routes; closing the app closes the database. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const db = openTarget(config);
  try {
    await migrateToLatest(db);
    await ensurePartitions(db, (config.now ?? Date.now)());
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const app = Fastify({
    logger: loggerOptions(config.logger),
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Fastify takes a hop count or an address list; the cast only picks one of its overloads.
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy as string[] } : {}),
    // Requests node's parser refused (bad Content-Length, head too large) get the product's error body too.
    clientErrorHandler: handleClientError,
    frameworkErrors: (err: FastifyError, _request, reply) => {
      const { status, body } = describeError(err);
      void sendError(reply, status, body.error, body.message);
    },
  });
  const now = config.now ?? Date.now;
  // Before any route: the console gate attaches itself to every route registered under /api/admin.
  installConsoleGate(app, db, config.publicUrl, now);
  await registerSecurityHeaders(app, config.publicUrl);
  if (config.onRoute) app.addHook('onRoute', config.onRoute);
  app.decorateRequest('device', null);
  app.addHook('onClose', async () => {
    await db.destroy();
  });
  // JSON only: without this, text/plain bodies would reach handlers as strings instead of a 415.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  installInputShapeGuard(app);

  const posterSigner = await loadPosterSigner(db, config.publicUrl, now());
  const keyring = await loadDistrictKeyring(districtKeyDirOf(config), now(), {
    threads: config.unsealThreads ?? 0,
    onFailure: (message) => app.log.warn(message),
  });
  app.addHook('onClose', async () => keyring.close());
  // The push writes: pushes and their proofs' claims share group commits on SQLite, on the request thread or, when
  // asked (the CLI's start), on a writer thread with its own connection (falling back here if it cannot start).
  const sqliteFile = config.databaseUrl ? undefined : config.dbFile;
  const writes =
    config.writerThread && sqliteFile !== undefined && sqliteFile !== ':memory:'
      ? threadPushWrites(sqliteFile, {
          fallback: () => inlinePushWrites(db),
          onFailure: (message) => app.log.error(message),
        })
      : inlinePushWrites(db);
  // onClose hooks run last registered first: after the requests under way, before the database closes.
  app.addHook('onClose', async () => writes.close());
  const ingestor = createIngestor(db, writes, { posterSigner, forwardOutbox: config.forward !== undefined, keyring });
  const deps: RouteDeps = { db, writes, ingestor, now, publicUrl: config.publicUrl, posterSigner, keyring };
  registerHealthRoute(app, deps);
  registerEnrolRoute(app, deps);
  registerPushRoute(app, deps);
  registerDeviceConfigRoute(app, deps);
  registerPublicConfigRoutes(app, deps);
  registerConsoleRoutes(app, deps);
  registerVisitorRoutes(app, deps);
  registerNoticesRoute(app, deps);
  registerForwardingCatalogRoute(app, deps);
  registerRiskPolicyRoute(app, deps);
  registerDeviceKeyRoute(app, deps);
  if (config.forward) {
    const forwarder = startForwarder(db, config.forward, now, (message, level = 'info') => app.log[level](message));
    app.addHook('preClose', async () => forwarder.stop());
  }
  if (config.retentionTimer) {
    const retention = startRetentionTimer(db, now, (message) => app.log.info(message));
    app.addHook('onClose', async () => retention.stop());
    const partitions = startPartitionTimer(db, now, (message) => app.log.info(message));
    app.addHook('onClose', async () => partitions.stop());
  }

  const staticDir = isDirectory(config.staticDir) ? config.staticDir : undefined;
  if (staticDir) await registerStatic(app, staticDir);
  const spa = staticDir !== undefined && existsSync(join(staticDir, 'index.html'));

  app.setNotFoundHandler((request, reply) => {
    const path = pathOnly(request.url);
    // However the path is spelled (%61pi, //api, /API, /./api), an API-looking miss answers a JSON 404, never the SPA
    // page.
    const isApi = isApiPath(request.url);
    const isConsole = path === '/console' || path.startsWith('/console/');
    if (
      isConsole &&
      staticDir !== undefined &&
      !isApi &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      isSpaRoute(path) &&
      existsSync(join(staticDir, 'console.html'))
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('console.html');
    }
    if (spa && !isApi && (request.method === 'GET' || request.method === 'HEAD') && isSpaRoute(path)) {
      return reply.sendFile('index.html');
    }
    return sendError(reply, 404, 'not_found', `There is nothing at ${request.method} ${path.slice(0, 200)}.`);
  });

  return app;
}
