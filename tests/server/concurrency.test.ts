import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { CommitGroup } from '../../src/server/db/commit-group';
import { openDatabase, type Db } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { listUnits } from '../../src/server/db/units-repo';
import { checkIns, push, pushBody, startTestServer, type TestServer } from './helpers';
import { onPostgres } from './test-db';

describe('concurrent pushes', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(async () => {
    await s.close();
  });

  it('the same batch sent twice at once is stored once: one answer accepts, the other says duplicate', async () => {
    const { token } = await s.enrol();
    const items = checkIns(s.checkpoint.id, 40);
    const [a, b] = await Promise.all([push(s.app, token, pushBody(items)), push(s.app, token, pushBody(items))]);
    const statuses = items.map((_, i) =>
      [a?.json<PushResponse>().results[i]?.status, b?.json<PushResponse>().results[i]?.status].sort(),
    );
    expect(statuses.every(([x, y]) => x === 'accepted' && y === 'duplicate')).toBe(true);
    expect(await countCheckins(s.db)).toBe(40);
  });

  it('many devices pushing at once all get their check-ins stored', async () => {
    const codes = ['TS-DL-001', 'TS-NUA-001', 'TS-TTA-001', 'TS-HT-001', 'TS-MS-001'];
    const devices = await Promise.all(codes.map((code) => s.enrol(code)));
    const answers = await Promise.all(
      devices.map((d, i) => push(s.app, d.token, pushBody(checkIns(d.checkpoint.id, 120, 100 + i)))),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      expect(res.json<PushResponse>().results.every((r) => r.status === 'accepted')).toBe(true);
    }
    expect(await countCheckins(s.db)).toBe(600);
  });
});

// SQLite only: on PostgreSQL pushes take pooled transactions of their own (db/write-queue.ts), no group commit.
describe.skipIf(onPostgres)('CommitGroup', () => {
  let dir: string;
  let db: Db;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tram-qr-group-'));
    db = openDatabase(join(dir, 'db.sqlite'));
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const addUnit = (code: string) => (trx: Db) =>
    trx.insertInto('units').values({ id: code, parent_id: null, level: 'province', name: code, code }).execute();

  it('commits work queued together, and one failing unit does not sink the others', async () => {
    const group = new CommitGroup(db);
    const outcomes = await Promise.allSettled([
      group.run(addUnit('A')),
      group.run(addUnit('A')), // violates the unique code: fails
      group.run(addUnit('B')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await listUnits(db)).map((u) => u.code)).toEqual(['A', 'B']);
  });

  it('settles each caller only after its work is committed', async () => {
    const group = new CommitGroup(db);
    await group.run(addUnit('C'));
    const reader = openDatabase(join(dir, 'db.sqlite'), { readonly: true });
    try {
      expect((await listUnits(reader)).map((u) => u.code)).toEqual(['C']);
    } finally {
      await reader.destroy();
    }
  });
});
