/**
 * One-shot CLI commands: migrate, enrol-link, backup.
 */
import { serverEnv } from '../env';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findCheckpointByCode } from '../db/checkpoints-repo';
import { openSqlite, openTarget } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { enrolLink, issueEnrolmentCode } from '../services/enrolment';
import { databaseTargetIn, dbFileIn } from './paths';

/** Applies pending migrations and says which. */
export async function migrate(dataDir: string): Promise<void> {
  const db = openTarget(databaseTargetIn(dataDir));
  try {
    const applied = await migrateToLatest(db);
    if (applied.length === 0) console.log('database is up to date');
    for (const name of applied) console.log(`applied migration: ${name}`);
  } finally {
    await db.destroy();
  }
}

/** Prints a fresh one-time enrolment link for a checkpoint; false when the checkpoint does not exist. */
export async function printEnrolLink(
  dataDir: string,
  checkpointCode: string,
  publicUrl: string,
  ttlHours: number,
): Promise<boolean> {
  const db = openTarget(databaseTargetIn(dataDir));
  try {
    await migrateToLatest(db);
    const checkpoint = await findCheckpointByCode(db, checkpointCode);
    if (!checkpoint) {
      console.error(`no checkpoint with code ${checkpointCode}`);
      return false;
    }
    const now = Date.now();
    const code = await issueEnrolmentCode(db, checkpoint.id, now, ttlHours);
    console.log(`enrolment link: ${enrolLink(publicUrl, code)}`);
    console.log(`checkpoint: ${checkpoint.code} ${checkpoint.name}`);
    console.log(`expires at: ${new Date(now + ttlHours * 3_600_000).toISOString()}`);
    return true;
  } finally {
    await db.destroy();
  }
}

/** Writes a consistent copy of the live database (safe while the server runs); false when there is none. */
export async function backup(dataDir: string, outFile: string): Promise<boolean> {
  if (serverEnv().databaseUrl) {
    console.error(
      'DATABASE_URL is set: back up PostgreSQL with pg_dump or base backups + WAL archiving (docs/deploy.md)',
    );
    return false;
  }
  const dbFile = dbFileIn(dataDir);
  if (!existsSync(dbFile)) {
    console.error(`no database at ${dbFile}`);
    return false;
  }
  const out = resolve(outFile);
  mkdirSync(dirname(out), { recursive: true });
  const sqlite = openSqlite(dbFile);
  try {
    const { totalPages } = await sqlite.backup(out);
    console.log(`backup written: ${out} (${totalPages} pages)`);
    return true;
  } finally {
    sqlite.close();
  }
}
