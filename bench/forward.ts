/**
 * Forwarding throughput through one tier: `npm run bench:forward [-- --rows 50000]`. A district database holds
 * ROWS accepted check-ins queued in its forward outbox (put there through the data layer, before timing); then the
 * province starts as a real server process and the district's forwarder (the production loop, in this process)
 * empties the outbox into it over loopback HTTP. Timed from the province's `listening` line until the outbox is
 * empty; the province's file is then checked to hold exactly the ROWS ids.
 * Last line: `forward N rows in S s, R rows/s`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../src/server/app';
import { databaseTargetIn } from '../src/server/cli/paths';
import { findCheckpointByCode } from '../src/server/db/checkpoints-repo';
import { countCheckins } from '../src/server/db/checkins-repo';
import { openTarget } from '../src/server/db/database';
import { insertDevice } from '../src/server/db/devices-repo';
import { openDirectInserter, prepareCheckins } from '../src/server/db/direct-insert';
import { migrateToLatest } from '../src/server/db/migrate';
import { toStoredCheckIn } from '../src/server/domain/stored-checkin';
import { enqueueForward, outboxCounts } from '../src/server/forwarding/outbox-repo';
import { enrolForwarder } from '../src/server/forwarding/receiver-catalog';
import { seedDemo } from '../src/server/seed/demo';
import { sampleCheckIns } from '../src/server/seed/sample-checkins';
import { freePort, startServerProcess } from '../tests/support/server-process';
import { buildServerBundle } from '../tests/support/build-server';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const ROWS = Number(values.rows);

async function main(): Promise<void> {
  buildServerBundle();
  const dir = mkdtempSync(join(tmpdir(), 'tram-qr-bench-forward-'));
  const provinceDir = join(dir, 'province');
  try {
    // The province: a fresh data dir with the district enrolled as a forwarder.
    const provinceDb = openTarget(databaseTargetIn(provinceDir));
    await migrateToLatest(provinceDb);
    const { token } = await enrolForwarder(provinceDb, { name: 'Triệu Sơn', code: 'UP-TS', now: Date.now() });
    await provinceDb.destroy();

    // The district: demo region, one guard device, ROWS stored check-ins queued for forwarding.
    const districtTarget = { dbFile: join(dir, 'district.sqlite') };
    const districtDb = openTarget(districtTarget);
    await migrateToLatest(districtDb);
    const now = Date.now();
    await seedDemo(districtDb, now);
    const checkpoint = await findCheckpointByCode(districtDb, 'TS-DL-001');
    if (!checkpoint) throw new Error('demo checkpoint missing');
    const deviceId = uuidv7();
    await insertDevice(
      districtDb,
      { id: deviceId, checkpointId: checkpoint.id, label: 'Máy cổng 1', appVersion: 'bench', enrolledAt: now },
      'bench',
    );
    const items = sampleCheckIns({
      checkpointId: checkpoint.id,
      count: ROWS,
      startTime: now - 3 * 86_400_000,
      seed: 16,
    });
    const stored = items.map((item) => toStoredCheckIn(item, { deviceId, receivedAt: now, clockOffsetMs: 0 }));
    const inserter = openDirectInserter(districtTarget, 10_000);
    await inserter.insert(prepareCheckins(stored));
    await inserter.close();
    for (let i = 0; i < stored.length; i += 10_000) {
      const ids = stored.slice(i, i + 10_000).map((c) => c.id);
      await districtDb.transaction().execute((trx) => enqueueForward(trx, ids, now));
    }
    console.log(`district outbox: ${(await outboxCounts(districtDb)).pending} check-ins queued`);

    const port = await freePort();
    const district = await buildApp({
      ...districtTarget,
      publicUrl: 'http://district.test',
      forward: { url: `http://127.0.0.1:${port}`, token, idleMs: 20, backoff: { baseMs: 20, capMs: 100 } },
    });
    const province = await startServerProcess({ dataDir: provinceDir, port, args: ['--no-demo'] });
    const started = performance.now();
    while ((await outboxCounts(districtDb)).pending > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - started) / 1000;
    await district.close();
    await province.stop();
    await districtDb.destroy();

    const check = openTarget(databaseTargetIn(provinceDir));
    const atProvince = await countCheckins(check);
    await check.destroy();
    if (atProvince !== ROWS) throw new Error(`province holds ${atProvince} check-ins, expected ${ROWS}`);
    console.log(`province: ${atProvince} check-ins, one per id`);
    console.log(`forward ${ROWS} rows in ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds)} rows/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
