/**
 * Forwarding has one name (issue 13): a lower server enrolled on this one is a device of kind 'forwarder'
 * (it was 'upstream', which named the wrong side of the link). PostgreSQL swaps the check constraint.
 * SQLite cannot alter a CHECK, so its `devices` table is rebuilt by SQLite's documented procedure
 * (https://sqlite.org/lang_altertable.html#otheralter): foreign keys off, one transaction that creates the
 * table with the new check, copies the rows, drops the old one, renames the new one and puts the indexes
 * back, a foreign-key check before the commit, foreign keys on again. This also mends SQLite files made
 * before the forwarding kinds existed, which could not hold a forwarder at all.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../database';

const KINDS_AFTER = ['guard', 'visitor', 'forwarder', 'forwarded'] as const;
const KINDS_BEFORE = ['guard', 'visitor', 'upstream', 'forwarded'] as const;

/** `check (kind in (…))` over the given kinds. */
function kindCheck(kinds: readonly string[]): string {
  return `check (kind in (${kinds.map((k) => `'${k}'`).join(', ')}))`;
}

/** PostgreSQL: renames the stored kind `from` → `to` under a check that allows `kinds`. */
async function swapPostgres(db: Kysely<unknown>, from: string, to: string, kinds: readonly string[]): Promise<void> {
  await sql`alter table devices drop constraint if exists devices_kind_check`.execute(db);
  await sql`update devices set kind = ${to} where kind = ${from}`.execute(db);
  await sql.raw(`alter table devices add constraint devices_kind_check ${kindCheck(kinds)}`).execute(db);
}

/** SQLite: rebuilds `devices` with a kind check that allows `kinds`, renaming the stored kind `from` → `to`. */
async function rebuildSqlite(db: Kysely<unknown>, from: string, to: string, kinds: readonly string[]): Promise<void> {
  await db.connection().execute(async (conn) => {
    const { rows: tables } = await sql<{ sql: string }>`
      select sql from sqlite_schema where type = 'table' and name = 'devices'`.execute(conn);
    const createSql = tables[0]?.sql ?? '';
    const checkPattern = /check\s*\(\s*kind\s+in\s*\([^)]*\)\s*\)/i;
    const namePattern = /^create table\s+("devices"|devices)/i;
    if (!checkPattern.test(createSql) || !namePattern.test(createSql))
      throw new Error('devices table has no kind check this migration knows; not rebuilt');
    const rebuilt = createSql
      .replace(namePattern, 'create table "devices_rebuilt"')
      .replace(checkPattern, kindCheck(kinds));
    const { rows: others } = await sql<{ sql: string }>`
      select sql from sqlite_schema
      where tbl_name = 'devices' and type in ('index', 'trigger') and sql is not null`.execute(conn);
    const { rows: columns } = await sql<{ name: string }>`select name from pragma_table_info('devices')`.execute(conn);
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const values = columns
      .map((c) => (c.name === 'kind' ? `case when kind = '${from}' then '${to}' else kind end` : `"${c.name}"`))
      .join(', ');

    await sql`pragma foreign_keys = off`.execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
      try {
        await sql.raw(rebuilt).execute(conn);
        await sql.raw(`insert into devices_rebuilt (${names}) select ${values} from devices`).execute(conn);
        await sql`drop table devices`.execute(conn);
        await sql`alter table devices_rebuilt rename to devices`.execute(conn);
        for (const o of others) await sql.raw(o.sql).execute(conn);
        // Only references to devices: an old break elsewhere is not this migration's to judge.
        const { rows: broken } = await sql`
          select * from pragma_foreign_key_check where parent = 'devices'`.execute(conn);
        if (broken.length > 0) throw new Error(`devices rebuild would break ${broken.length} foreign key(s)`);
        await sql`commit`.execute(conn);
      } catch (error) {
        // A failed commit may already have rolled back: the first error is the one to report.
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    } finally {
      await sql`pragma foreign_keys = on`.execute(conn);
    }
  });
}

export const forwarderKindMigration: Migration = {
  /** Stores 'forwarder' where 'upstream' was, under a check that allows it. */
  async up(db: Kysely<unknown>): Promise<void> {
    if (dialectOf(db) === 'postgres') await swapPostgres(db, 'upstream', 'forwarder', KINDS_AFTER);
    else await rebuildSqlite(db, 'upstream', 'forwarder', KINDS_AFTER);
  },
  /** Stores 'upstream' again. */
  async down(db: Kysely<unknown>): Promise<void> {
    if (dialectOf(db) === 'postgres') await swapPostgres(db, 'forwarder', 'upstream', KINDS_BEFORE);
    else await rebuildSqlite(db, 'forwarder', 'upstream', KINDS_BEFORE);
  },
};
