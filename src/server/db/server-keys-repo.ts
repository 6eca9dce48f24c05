/** The server's key pairs, by name; created once and shared by every server instance through the database. */
import type { Db } from './database';

interface StoredKeyPair {
  publicKey: string;
  privateKey: string;
}

/**
 * Returns the named key pair, inserting `create()`'s pair first when there is none (the first instance wins a race).
 */
export async function getOrCreateKeyPair(
  db: Db,
  name: string,
  create: () => StoredKeyPair,
  now: number,
): Promise<StoredKeyPair> {
  const existing = await db
    .selectFrom('server_keys')
    .select(['public_key', 'private_key'])
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing) return { publicKey: existing.public_key, privateKey: existing.private_key };
  const fresh = create();
  await db
    .insertInto('server_keys')
    .values({ name, public_key: fresh.publicKey, private_key: fresh.privateKey, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const stored = await db
    .selectFrom('server_keys')
    .select(['public_key', 'private_key'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return { publicKey: stored.public_key, privateKey: stored.private_key };
}
