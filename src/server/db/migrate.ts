/**
 * Schema migrations: a static list (no filesystem scanning), applied in name order by Kysely's Migrator.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initialMigration } from './migrations/2026_11_28_0001_initial';
import type { DatabaseSchema } from './schema';

/** Every migration, keyed by its timestamped name. Append new ones; never rename or edit old ones. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_28_0001_initial': initialMigration,
};

const staticProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/** Brings the schema up to date; returns the names of the migrations it applied (empty when current). */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
