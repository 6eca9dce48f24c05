/**
 * Forwarding commands: `enrol-forwarder` (province side), `requeue-rejected` (district side) and reading the
 * forwarding settings for `start`.
 */
import { serverEnv, type ServerEnv } from '../env';
import { openTarget } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { ForwardConfig } from '../forwarding/sender';
import { enrolForwarder, type ForwarderLevel } from '../forwarding/receiver-catalog';
import { requeueRejected } from '../forwarding/outbox-repo';
import { databaseTargetIn } from './paths';

/** Enrols a lower server (a district by default) on this server and prints its token once; false on failure. */
export async function printForwarderToken(
  dataDir: string,
  name: string,
  code: string,
  level: ForwarderLevel = 'district',
): Promise<boolean> {
  const db = openTarget(databaseTargetIn(dataDir));
  try {
    await migrateToLatest(db);
    const { token } = await enrolForwarder(db, { name, code, level, now: Date.now() });
    console.log(`forwarder enrolled: ${level} ${code} (${name})`);
    console.log(`FORWARD_TOKEN=${token}`);
    console.log(`give it to the ${level} server with FORWARD_URL=<this server>; only its hash is stored here`);
    return true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return false;
  } finally {
    await db.destroy();
  }
}

/**
 * Puts the check-ins the province rejected back in the forwarding queue (after the cause was fixed); prints the count.
 */
export async function requeueRejectedForwards(dataDir: string): Promise<void> {
  const db = openTarget(databaseTargetIn(dataDir));
  try {
    await migrateToLatest(db);
    const count = await requeueRejected(db);
    console.log(`re-queued ${count} rejected check-in(s) for forwarding`);
  } finally {
    await db.destroy();
  }
}

/**
 * The forwarding settings from flags, else `FORWARD_URL` / `FORWARD_TOKEN`; undefined when not configured; throws when
 * half set.
 */
export function forwardConfigFrom(
  flags: { url?: string; token?: string },
  env: ServerEnv = serverEnv(),
): ForwardConfig | undefined {
  const url = flags.url ?? env.forwardUrl;
  const token = flags.token ?? env.forwardToken;
  if (!url && !token) return undefined;
  if (!url || !token)
    throw new Error('forwarding needs both FORWARD_URL and FORWARD_TOKEN (or --forward-url and --forward-token)');
  try {
    new URL(url);
  } catch {
    throw new Error('FORWARD_URL is not a URL');
  }
  return { url, token };
}
