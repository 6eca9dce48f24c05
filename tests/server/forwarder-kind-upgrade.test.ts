/**
 * Upgrading a server above whose database was made before a lower server's device kind was renamed
 * ('upstream' → 'forwarder', migration 2026_12_03_0800): the lower server enrolled then keeps forwarding
 * with the same token, every device and index of the old file is still there, and foreign keys still hold.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { API } from '../../src/shared/protocol';
import { buildApp } from '../../src/server/app';
import { openTarget, type Db } from '../../src/server/db/database';
import { insertDevice } from '../../src/server/db/devices-repo';
import { migrateToLatest } from '../../src/server/db/migrate';
import { findUnitByCode, insertUnit } from '../../src/server/db/units-repo';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { seedDemo } from '../../src/server/seed/demo';
import { newDeviceToken, sha256Hex } from '../../src/server/domain/secrets';
import { createTestDatabase, onPostgres, type TestDatabase } from './test-db';
import { T0, checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';
import type { FastifyInstance } from 'fastify';

const OLD_TOKEN = newDeviceToken();

/** The devices table's indexes (name and definition), engine by engine. */
async function deviceIndexes(db: Db): Promise<string[]> {
  const { rows } = onPostgres
    ? await sql<{ d: string }>`select indexdef as d from pg_indexes
        where tablename = 'devices' and schemaname = current_schema() order by indexname`.execute(db)
    : await sql<{ d: string }>`select sql as d from sqlite_schema
        where type = 'index' and tbl_name = 'devices' and sql is not null order by name`.execute(db);
  return rows.map((r) => r.d);
}

/** Every device as (id, kind, checkpoint, token hash), in id order. */
async function deviceRows(db: Db): Promise<unknown[]> {
  return db.selectFrom('devices').select(['id', 'kind', 'checkpoint_id', 'token_hash']).orderBy('id').execute();
}

describe('upgrading a server above made before the forwarder kind', () => {
  let database: TestDatabase;
  let above: FastifyInstance;
  let district: TestServer;
  let db: Db;
  let devicesBefore: unknown[];
  let indexesBefore: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const old = openTarget(database.target);
    await migrateToLatest(old, '2026_12_02_0200_sealed');
    await seedDemo(old, T0);
    const unitId = 'unit-up-ts';
    await insertUnit(old, { id: unitId, parentId: null, level: 'district', name: 'Triệu Sơn', code: 'UP-TS' });
    // The kind this server stored for a lower server before the rename.
    await insertDevice(
      old,
      {
        id: 'dev-up-ts',
        kind: 'upstream' as 'forwarder',
        checkpointId: null,
        unitId,
        label: 'Triệu Sơn',
        appVersion: 'upstream',
        enrolledAt: T0,
      },
      sha256Hex(OLD_TOKEN),
    );
    devicesBefore = await deviceRows(old);
    indexesBefore = await deviceIndexes(old);
    await old.destroy();

    above = await buildApp({
      ...database.target,
      publicUrl: 'http://province.test',
      now: () => T0,
      districtKeyDir: join(database.dir, 'district-keys'),
    });
    db = openTarget(database.target);
    await above.listen({ host: '127.0.0.1', port: 0 });
    const address = above.server.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    district = await startTestServer({
      forward: { url: `http://127.0.0.1:${address.port}`, token: OLD_TOKEN, idleMs: 20, timeoutMs: 2_000 },
    });
  });

  afterAll(async () => {
    await district?.close();
    await above?.close();
    await db?.destroy();
    await database?.drop();
  });

  it('keeps every device, renames the kind, keeps the indexes and the foreign keys', async () => {
    const after = await deviceRows(db);
    const expected = devicesBefore.map((d) => {
      const row = d as { kind: string };
      return row.kind === 'upstream' ? { ...row, kind: 'forwarder' } : row;
    });
    expect(after).toEqual(expected);
    expect(after.filter((d) => (d as { kind: string }).kind === 'forwarder')).toHaveLength(1);
    expect(await deviceIndexes(db)).toEqual(indexesBefore);
    if (!onPostgres) {
      expect((await sql`select * from pragma_foreign_key_check`.execute(db)).rows).toEqual([]);
      const refs = await sql<{ table: string }>`select "table" from pragma_foreign_key_list('checkins')`.execute(db);
      expect(refs.rows.map((r) => r.table)).toContain('devices');
    }
    // The old word is no longer a kind a device may have.
    await expect(
      db
        .updateTable('devices')
        .set({ kind: 'upstream' as 'forwarder' })
        .where('id', '=', 'dev-up-ts')
        .execute(),
    ).rejects.toThrow(/check/i);
  });

  it('lets the lower server enrolled before the upgrade forward with its old token', { timeout: 30_000 }, async () => {
    const guard = await district.enrol('TS-DL-001');
    const items = checkIns(guard.checkpoint.id, 3, 11);
    expect((await push(district.app, guard.token, pushBody(items))).statusCode).toBe(200);
    await expect.poll(() => countCheckins(db), { timeout: 20_000 }).toBe(3);
    const unit = await findUnitByCode(db, 'UP-TS');
    const stored = await db
      .selectFrom('checkpoints')
      .select(['code', 'unit_id'])
      .where('id', '=', guard.checkpoint.id)
      .executeTakeFirst();
    expect(stored).toEqual({ code: 'UP-TS/TS-DL-001', unit_id: unit?.id });
  });

  it('still answers a server below that was not upgraded yet, on the catalog path it knows', async () => {
    const legacy = await above.inject({
      method: 'POST',
      url: API.forwardingCatalogBefore,
      headers: { authorization: `Bearer ${OLD_TOKEN}` },
      payload: { checkpoints: [], devices: [] },
    });
    expect(legacy.statusCode).toBe(200);
    expect(legacy.json()).toEqual({ checkpoints: 0, devices: 0 });
  });
});
