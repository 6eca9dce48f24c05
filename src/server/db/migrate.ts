/**
 * Schema migrations: a static list (no filesystem scanning), applied in name order by Kysely's Migrator.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { dialectOf } from './database';
import { initialMigration } from './migrations/2026_11_28_0001_initial';
import { configAndKeysMigration } from './migrations/2026_11_28_0002_config_and_keys';
import { consoleMigration } from './migrations/2026_11_28_0100_console';
import { tracingMigration } from './migrations/2026_11_28_0200_tracing';
import { scaleMigration } from './migrations/2026_11_28_0600_scale';
import { forwardingMigration } from './migrations/2026_11_28_0700_forwarding';
import { secGateMigration } from './migrations/2026_12_01_1100_sec_gate';
import { personCorrectionsMigration } from './migrations/2026_12_01_2140_person_corrections';
import { outbreakMigration } from './migrations/2026_12_01_1500_outbreak';
import { ingestQuotaMigration } from './migrations/2026_12_01_2140_ingest_quota';
import { doorRiskMigration } from './migrations/2026_12_01_0300_door_risk';
import { sealedMigration } from './migrations/2026_12_02_0200_sealed';
import { forwarderKindMigration } from './migrations/2026_12_03_0800_forwarder_kind';
import { traceIndexesMigration } from './migrations/2026_12_03_1100_trace_indexes';
import { personSearchMigration } from './migrations/2026_12_04_2000_person_search';
import { personNamesMigration } from './migrations/2026_12_08_0100_person_names';
import { recentCheckinsMigration } from './migrations/2026_12_08_0300_recent_checkins';
import { auditRefusalCountsMigration } from './migrations/2026_12_08_0500_audit_refusal_counts';
import type { DatabaseSchema } from './schema';

/** Every migration, keyed by its timestamped name. Append new ones; never rename or edit old ones. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_28_0001_initial': initialMigration,
  '2026_11_28_0002_config_and_keys': configAndKeysMigration,
  '2026_11_28_0100_console': consoleMigration,
  '2026_11_28_0200_tracing': tracingMigration,
  '2026_11_28_0600_scale': scaleMigration,
  '2026_11_28_0700_forwarding': forwardingMigration,
  '2026_12_01_1100_sec_gate': secGateMigration,
  '2026_12_01_2140_person_corrections': personCorrectionsMigration,
  '2026_12_01_1500_outbreak': outbreakMigration,
  '2026_12_01_2140_ingest_quota': ingestQuotaMigration,
  '2026_12_01_0300_door_risk': doorRiskMigration,
  // Renamed from 2026_12_01_1400 on merging main: it must sort after every migration main already shipped.
  '2026_12_02_0200_sealed': sealedMigration,
  '2026_12_03_0800_forwarder_kind': forwarderKindMigration,
  '2026_12_03_1100_trace_indexes': traceIndexesMigration,
  '2026_12_04_2000_person_search': personSearchMigration,
  '2026_12_08_0100_person_names': personNamesMigration,
  '2026_12_08_0300_recent_checkins': recentCheckinsMigration,
  '2026_12_08_0500_audit_refusal_counts': auditRefusalCountsMigration,
};

const staticProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/**
 * Brings the schema up to date (or, with `upTo`, to that migration: a test of an upgrade starts there);
 * returns the names of the migrations it applied (empty when current).
 */
export async function migrateToLatest(db: Kysely<DatabaseSchema>, upTo?: string): Promise<string[]> {
  // PostgreSQL: keep Kysely's bookkeeping tables in the connection's own schema (several schemas, e.g. one per
  // test or per district, may share a database; without this Kysely sees another schema's table and skips its own).
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({ db, provider: staticProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
