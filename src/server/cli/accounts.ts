/**
 * CLI commands for the console: `create-admin` (the first administrator; also officers/tracers with
 * --role) and `import-communes`. Passwords are read from stdin, never from argv (visible in `ps`).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { v7 as uuidv7 } from 'uuid';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/password';
import { judgePassword } from '../auth/password-strength';
import type { Role } from '../auth/roles';
import { appendAudit } from '../db/audit-repo';
import { openTarget, type Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { listUnits } from '../db/units-repo';
import { findUserForLogin, insertUser } from '../db/users-repo';
import { UnitImportError, importUnits } from '../services/unit-import';
import { databaseTargetIn } from './paths';

/** Reads one line from stdin: a prompt on a terminal, the first line of piped input otherwise. */
async function readPassword(prompt: string): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdin.isTTY ? process.stdout : undefined,
    terminal: false,
  });
  if (process.stdin.isTTY) process.stdout.write(prompt);
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function withDb<T>(dataDir: string, run: (db: Db) => Promise<T>): Promise<T> {
  const db = openTarget(databaseTargetIn(dataDir));
  try {
    await migrateToLatest(db);
    return await run(db);
  } finally {
    await db.destroy();
  }
}

interface CreateUserOptions {
  dataDir: string;
  username: string;
  displayName: string;
  role: Role;
  /** Commune code (e.g. TS-DL) for a commune officer. */
  unitCode?: string;
}

/** Creates a console account with a password read from stdin; false (with a message) on a problem. */
export async function createUser(options: CreateUserOptions): Promise<boolean> {
  const username = options.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    console.error('username: 3–64 characters of a-z 0-9 . _ -');
    return false;
  }
  const password = await readPassword(`password for ${username} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const verdict = judgePassword(password, [username, options.displayName]);
  if (!verdict.ok) {
    console.error(`${verdict.message.vi}\n${verdict.message.en}`);
    return false;
  }
  return withDb(options.dataDir, async (db) => {
    if (await findUserForLogin(db, username)) {
      console.error(`an account named ${username} exists already`);
      return false;
    }
    let unitId: string | null = null;
    if (options.role === 'officer') {
      const unit = (await listUnits(db)).find((u) => u.code === options.unitCode && u.level === 'commune');
      if (!unit) {
        console.error('a commune officer needs --unit COMMUNE_CODE (see import-communes)');
        return false;
      }
      unitId = unit.id;
    }
    const id = uuidv7();
    const now = Date.now();
    await insertUser(
      db,
      { id, username, displayName: options.displayName, role: options.role, unitId, createdAt: now },
      await hashPassword(password),
    );
    await appendAudit(db, {
      at: now,
      userId: null,
      username: 'cli',
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      detail: { role: options.role },
    });
    console.log(`created ${options.role} ${username}`);
    return true;
  });
}

/** Imports communes from a CSV file (`code,name[,parent_code][,level]`); false on bad input. */
export async function importCommunes(dataDir: string, file: string): Promise<boolean> {
  const csv = readFileSync(file, 'utf8');
  return withDb(dataDir, async (db) => {
    try {
      const result = await importUnits(db, csv);
      await appendAudit(db, {
        at: Date.now(),
        userId: null,
        username: 'cli',
        action: 'unit.import',
        targetType: null,
        targetId: null,
        detail: { ...result },
      });
      console.log(`communes: ${result.created} created, ${result.renamed} renamed, ${result.unchanged} unchanged`);
      return true;
    } catch (error) {
      if (error instanceof UnitImportError) {
        console.error(`import failed: ${error.message}`);
        return false;
      }
      throw error;
    }
  });
}
