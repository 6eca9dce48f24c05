/**
 * `start`: migrate, seed the demo region on first start, print an enrolment link, listen, and shut
 * down cleanly on SIGTERM/SIGINT.
 */
import { buildApp } from '../app';
import { findCheckpointByCode } from '../db/checkpoints-repo';
import { openTarget, type DatabaseTarget } from '../db/database';
import { countActiveDevices } from '../db/devices-repo';
import { migrateToLatest } from '../db/migrate';
import { DEMO_CHECKPOINT_CODE } from '../seed/demo-data';
import { seedDemo } from '../seed/demo';
import { enrolLink, issueEnrolmentCode } from '../services/enrolment';
import {
  databaseTargetIn,
  defaultPublicUrl,
  trustProxyFromEnv,
  unsealThreadsFromEnv,
  writerThreadFromEnv,
} from './paths';
import { forwardConfigFrom } from './forwarding';
import { districtKeyDirIn } from './district-key';

interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  publicUrl?: string;
  demo: boolean;
  /** Forwarding to a province (flags; `FORWARD_URL` / `FORWARD_TOKEN` otherwise). */
  forwardUrl?: string;
  forwardToken?: string;
}

/** Seeds on first start; returns a fresh enrolment code for the demo checkpoint while it has no active device. */
async function prepareDatabase(target: DatabaseTarget, demo: boolean): Promise<string | null> {
  const db = openTarget(target);
  try {
    await migrateToLatest(db);
    if (!demo) return null;
    const now = Date.now();
    if (await seedDemo(db, now)) console.log('seeded demo region: Thanh Hóa → Triệu Sơn (15 communes, 8 checkpoints)');
    const checkpoint = await findCheckpointByCode(db, DEMO_CHECKPOINT_CODE);
    if (!checkpoint || (await countActiveDevices(db, checkpoint.id)) > 0) return null;
    return await issueEnrolmentCode(db, checkpoint.id, now);
  } finally {
    await db.destroy();
  }
}

/** Runs the server until a signal stops it. */
export async function start(options: StartOptions): Promise<void> {
  const target = databaseTargetIn(options.dataDir);
  const forward = forwardConfigFrom({ url: options.forwardUrl, token: options.forwardToken });
  const demoCode = await prepareDatabase(target, options.demo);
  const publicUrl = options.publicUrl ?? defaultPublicUrl(options.host, options.port);
  const unsealThreads = unsealThreadsFromEnv();
  const writerThread = writerThreadFromEnv() && target.databaseUrl === undefined;
  const app = await buildApp({
    ...target,
    districtKeyDir: districtKeyDirIn(options.dataDir),
    staticDir: options.staticDir,
    publicUrl,
    logger: true,
    retentionTimer: true,
    trustProxy: trustProxyFromEnv(),
    unsealThreads,
    writerThread,
    ...(forward ? { forward } : {}),
  });

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    console.log(`received ${signal}, shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownUrl = options.publicUrl ?? defaultPublicUrl(options.host, port);
  // Never print a PostgreSQL URL: it may carry a password.
  console.log(`database: ${target.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : target.dbFile}`);
  console.log(`public url: ${shownUrl}`);
  if (forward) console.log(`forwarding to: ${new URL(forward.url).origin}`);
  console.log(`sealed check-ins open on ${unsealThreads} worker thread(s) (UNSEAL_THREADS)`);
  if (writerThread) console.log('pushes are stored by a writer thread (WRITER_THREAD=0 stores them on this one)');
  if (demoCode) {
    console.log(`enrolment link (demo checkpoint ${DEMO_CHECKPOINT_CODE}, valid 72 h):`);
    console.log(`enrolment link: ${enrolLink(shownUrl, demoCode)}`);
  }
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`listening on http://${host}:${port}`);
}
