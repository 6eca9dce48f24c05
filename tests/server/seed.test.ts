import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCheckpointInfo, listCheckpoints } from '../../src/server/db/checkpoints-repo';
import { openTarget, type Db } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { listUnits } from '../../src/server/db/units-repo';
import { seedDemo } from '../../src/server/seed/demo';
import { T0 } from './helpers';
import { createTestDatabase, type TestDatabase } from './test-db';

let database: TestDatabase;
let db: Db;
beforeEach(async () => {
  database = await createTestDatabase();
  db = openTarget(database.target);
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
  await database.drop();
});

describe('demo seed', () => {
  it('creates Thanh Hóa → Triệu Sơn → 15 communes and 8 checkpoints', async () => {
    expect(await seedDemo(db, T0)).toBe(true);
    const units = await listUnits(db);
    const province = units.find((u) => u.level === 'province');
    const district = units.find((u) => u.level === 'district');
    expect(province?.name).toBe('Thanh Hóa');
    expect(district).toMatchObject({ name: 'Huyện Triệu Sơn', parentId: province?.id });
    const communes = units.filter((u) => u.level === 'commune');
    expect(communes).toHaveLength(15);
    expect(communes.every((c) => c.parentId === district?.id)).toBe(true);
    expect(communes.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Thị trấn Triệu Sơn',
        'Thị trấn Nưa',
        'Xã Dân Lực',
        'Xã Thọ Tân',
        'Xã Hợp Thành',
        'Xã Đồng Tiến',
        'Xã Tiến Nông',
      ]),
    );

    const checkpoints = await listCheckpoints(db);
    expect(checkpoints).toHaveLength(8);
    expect(new Set(checkpoints.map((c) => c.type)).size).toBeGreaterThanOrEqual(5);
    expect(checkpoints.every((c) => /^TS-[A-Z]+-\d{3}$/.test(c.code) && c.status === 'open')).toBe(true);
    const market = checkpoints.find((c) => c.name === 'Chợ Nưa');
    expect(market && (await findCheckpointInfo(db, market.id))?.unitName).toBe('Thị trấn Nưa');
  });

  it('is idempotent: a second run adds nothing', async () => {
    await seedDemo(db, T0);
    const before = { units: (await listUnits(db)).length, checkpoints: (await listCheckpoints(db)).length };
    expect(await seedDemo(db, T0 + 1)).toBe(false);
    expect({ units: (await listUnits(db)).length, checkpoints: (await listCheckpoints(db)).length }).toEqual(before);
  });

  it('migrations are idempotent too', async () => {
    expect(await migrateToLatest(db)).toEqual([]);
  });
});
