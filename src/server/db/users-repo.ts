/**
 * Console accounts. Password hashes stay inside this module and the login service.
 */
import type { AccountSummary, Role } from '../../shared/console-api/answers';
import type { Db } from './database';
import type { Selectable } from 'kysely';
import type { UsersTable } from './schema';

function toUser(row: Selectable<UsersTable>): AccountSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitId: row.unit_id,
    createdAt: Number(row.created_at),
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
  };
}

/** Stores a new account. */
export async function insertUser(
  db: Db,
  user: Omit<AccountSummary, 'disabledAt'>,
  passwordHash: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: passwordHash,
      role: user.role,
      unit_id: user.unitId,
      created_at: user.createdAt,
      disabled_at: null,
    })
    .execute();
}

/** The account with this username (case-insensitive, stored lowercase) and its password hash. */
export async function findUserForLogin(
  db: Db,
  username: string,
): Promise<{ user: AccountSummary; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

/** The account with this id. */
export async function findUserById(db: Db, id: string): Promise<AccountSummary | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Every account, by username. */
export async function listUsers(db: Db): Promise<AccountSummary[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

/** Disables an account (its sessions are ended by the caller). */
export async function disableUser(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: at })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .execute();
}

/** Replaces an account's password hash. */
export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}
