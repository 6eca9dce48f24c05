/**
 * Several schemas share one PostgreSQL database (districts side by side, or the tests' one schema per
 * test): a schema migrated while others are created and dropped beside it comes up whole. Kysely's own
 * introspection read every schema and failed with "schema … does not exist" when one was dropped
 * mid-query (seen when server test files ran in parallel); ours reads only the connection's schema.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createPgSchema } from '../server/test-db';

/** Creates, migrates and drops schemas one after another until `stop` says so. */
async function churn(stop: () => boolean): Promise<number> {
  let dropped = 0;
  while (!stop()) {
    const schema = await createPgSchema('churn');
    const db = openPostgres(schema.url, 2);
    await migrateToLatest(db);
    await db.destroy();
    await schema.drop();
    dropped++;
  }
  return dropped;
}

describe('schemas sharing a database', () => {
  it('migrates a schema while other schemas come and go beside it', { timeout: 120_000 }, async () => {
    let done = false;
    const churners = [churn(() => done), churn(() => done)];
    const migrated: string[][] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const schema = await createPgSchema('mig');
        const db = openPostgres(schema.url, 2);
        try {
          migrated.push(await migrateToLatest(db));
          // What the migrator asks on every start: which tables exist here (many times, to meet a drop).
          for (let j = 0; j < 40; j++)
            expect((await db.introspection.getTables()).map((t) => t.name)).toContain('checkins');
          const { rows } = await sql<{
            n: number;
          }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'checkins'`.execute(
            db,
          );
          expect(rows[0]?.n).toBe(1);
        } finally {
          await db.destroy();
          await schema.drop();
        }
      }
    } finally {
      done = true;
    }
    const dropped = (await Promise.all(churners)).reduce((a, b) => a + b, 0);
    expect(dropped).toBeGreaterThan(0);
    expect(migrated.every((names) => names.length === migrated[0]!.length && names.length > 5)).toBe(true);
  });
});
