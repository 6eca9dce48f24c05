/**
 * Ingest benchmark: check-ins per second through the real server (HTTP, validation, insert-or-ignore
 * transactions, fsync'd commits) against the same rows inserted straight into better-sqlite3.
 *
 *   npm run bench:ingest [-- --rows 100000 --devices 20 --batch 500 --db sqlite --rounds 3 --profile DIR]
 *
 * Then (first round only) the same HTTP ingest of `--sealed` check-ins sealed to the district key
 * (protocol 2), with the device-side sealing cost measured apart. Both phases run `--rounds` times, one
 * after the other, each on fresh files; `--profile DIR` writes the server process's CPU profiles there
 * (read them with `node scripts/cpu-profile-top.mjs FILE`).
 *
 * Last line: `ingest http N/s direct M/s ratio R` from the round with the median ratio, then `sealed-http S/s
 * seal-ms-per-item T` from round 1 (the only one with a sealed phase).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { API, PROTOCOL_VERSION, type CheckIn, type PushResponse } from '../src/shared/protocol';
import { buildApp } from '../src/server/app';
import { insertCheckpoint } from '../src/server/db/checkpoints-repo';
import { countCheckins } from '../src/server/db/checkins-repo';
import { openTarget, type DatabaseTarget, type Db } from '../src/server/db/database';
import { openDirectInserter, prepareCheckins } from '../src/server/db/direct-insert';
import { freshPgSchema } from './pg-schema';
import { insertDevice } from '../src/server/db/devices-repo';
import { migrateToLatest } from '../src/server/db/migrate';
import { listUnits } from '../src/server/db/units-repo';
import { toStoredCheckIn } from '../src/server/domain/stored-checkin';
import { seedDemo } from '../src/server/seed/demo';
import { sampleCheckIns } from '../src/server/seed/sample-checkins';
import { issueEnrolmentCode } from '../src/server/services/enrolment';
import { dbFileIn } from '../src/server/cli/paths';
import { startServerProcess } from '../tests/support/server-process';
import { buildServerBundle } from '../tests/support/build-server';
import { enrolKeyed, signedPushHeaders, type KeyedEnrolment } from '../tests/support/device-key';
import { sealCheckIn } from '../src/shared/sealed/seal-item';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    rows: { type: 'string', default: '100000' },
    devices: { type: 'string', default: '20' },
    batch: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    'in-process': { type: 'boolean', default: false },
    sealed: { type: 'string', default: '20000' },
    /** Write the server process's CPU profile (node --cpu-prof) into this directory. */
    profile: { type: 'string' },
  },
});
if (values.db !== 'sqlite' && values.db !== 'postgres') {
  console.error(`--db ${values.db}: use sqlite or postgres`);
  process.exit(2);
}
/** PostgreSQL mode: each phase gets its own schema on DATABASE_URL (bench/pg-schema.ts). */
const PG = values.db === 'postgres';
const ROWS = Number(values.rows);
const DEVICES = Number(values.devices);
const BATCH = Number(values.batch);
/** Rounds of both phases; the figures printed last are the round with the median ratio. */
const ROUNDS = Math.max(1, Number(values.rounds));
if (values.profile && values['in-process']) {
  console.error('--profile profiles the server process; with --in-process use node --cpu-prof on the benchmark itself');
  process.exit(2);
}
/** Check-ins pushed (and, in the direct phase, inserted) before timing starts, from one extra device. */
const WARMUP = Number(values.warmup);
const DIRECT_TXN_ROWS = 1_000;
/** Check-ins of the sealed phase (protocol 2, opened by the server at ingest). */
const SEALED_ROWS = Number(values.sealed);
const START_TIME = Date.UTC(2026, 10, 27, 6, 0, 0);

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * A fresh database with the demo region plus one bench checkpoint per simulated device and one for the warm-up device.
 */
async function prepareDatabase(target: DatabaseTarget): Promise<{ db: Db; checkpointIds: string[] }> {
  const db = openTarget(target);
  await migrateToLatest(db);
  await seedDemo(db, Date.now());
  const commune = (await listUnits(db)).find((u) => u.level === 'commune');
  if (!commune) throw new Error('no commune after seeding');
  const checkpointIds: string[] = [];
  for (let i = 0; i <= DEVICES; i++) {
    const id = uuidv7();
    checkpointIds.push(id);
    await insertCheckpoint(db, {
      id,
      code: `BENCH-${String(i + 1).padStart(3, '0')}`,
      unitId: commune.id,
      name: `Điểm kiểm tra ${i + 1}`,
      type: 'market',
      address: `Thôn ${i + 1}, ${commune.name}, huyện Triệu Sơn, Thanh Hóa`,
      contactName: null,
      contactPhone: null,
      defaultStayMin: 60,
      status: 'open',
      createdAt: Date.now(),
    });
  }
  return { db, checkpointIds };
}

/** Check-ins per device, `ROWS` in total over `DEVICES` devices; the last entry is the warm-up device's `WARMUP`. */
function workload(checkpointIds: string[]): CheckIn[][] {
  return checkpointIds.map((checkpointId, i) =>
    sampleCheckIns({
      checkpointId,
      count: i === DEVICES ? WARMUP : Math.floor(ROWS / DEVICES) + (i < ROWS % DEVICES ? 1 : 0),
      startTime: START_TIME + i * 7_919,
      seed: 1_000 + i,
    }),
  );
}

/** The timed devices' check-ins in the order the server receives them: one batch from each device in turn. */
function arrivalOrder(perDevice: CheckIn[][]): CheckIn[][] {
  const batches: CheckIn[][] = [];
  const longest = Math.max(...perDevice.map((items) => items.length));
  for (let i = 0; i < longest; i += BATCH) {
    for (const items of perDevice) if (i < items.length) batches.push(items.slice(i, i + BATCH));
  }
  return batches;
}

interface HttpResult {
  rate: number;
  seconds: number;
  requests: number;
  bytes: number;
  latencies: number[];
  perDevice: CheckIn[][];
  sealedRate: number;
  sealMsPerItem: number;
}

interface RunningServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * The server under test: by default the real CLI process (`start`, production logging on), so the
 * simulated phones do not share its CPU; `--in-process` listens from this process instead.
 */
async function startServer(dataDir: string, target: DatabaseTarget): Promise<RunningServer> {
  if (values['in-process']) {
    const app = await buildApp({ ...target, publicUrl: 'http://127.0.0.1', logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return { base, stop: () => app.close() };
  }
  const server = await startServerProcess({
    dataDir,
    args: ['--no-demo'],
    ...(target.databaseUrl ? { env: { DATABASE_URL: target.databaseUrl } } : {}),
    ...(values.profile ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', values.profile] } : {}),
  });
  return { base: server.url, stop: () => server.stop() };
}

/** Phase 1b: the same devices push `SEALED_ROWS` new check-ins sealed to the district key (protocol 2). */
async function benchSealed(
  base: string,
  devices: KeyedEnrolment[],
  checkpointIds: string[],
): Promise<{ sealedRate: number; sealMsPerItem: number }> {
  if (SEALED_ROWS <= 0) return { sealedRate: NaN, sealMsPerItem: NaN };
  const perDevice = devices.map((_, d) =>
    sampleCheckIns({
      checkpointId: checkpointIds[d]!,
      count: Math.floor(SEALED_ROWS / devices.length),
      startTime: START_TIME + 86_400_000 + d * 7_919,
      seed: 5_000 + d,
    }),
  );
  const total = perDevice.reduce((n, items) => n + items.length, 0);
  const sealStart = performance.now();
  const sealed = [];
  for (const [d, items] of perDevice.entries()) {
    const key = devices[d]!.districtKey;
    if (!key) throw new Error('the server sent no district key');
    const out = [];
    for (const item of items) out.push(await sealCheckIn(key, item, 'bench1'));
    sealed.push(out);
  }
  const sealMsPerItem = (performance.now() - sealStart) / total;
  const bodies = await Promise.all(
    sealed.map(async (items, d) => {
      const out: { body: string; headers: Record<string, string> }[] = [];
      for (let i = 0; i < items.length; i += BATCH) {
        const body = JSON.stringify({
          protocol: 2,
          epoch: 'bench1',
          sentAt: Date.now(),
          appVersion: 'bench',
          pending: items.length - i,
          items: items.slice(i, i + BATCH),
        });
        out.push({ body, headers: await signedPushHeaders(devices[d]!, body) });
      }
      return out;
    }),
  );
  let accepted = 0;
  const started = performance.now();
  await Promise.all(
    bodies.map(async (deviceBodies) => {
      for (const { body, headers } of deviceBodies) {
        const res = await fetch(`${base}${API.push}`, { method: 'POST', headers, body });
        const answer = (await res.json()) as PushResponse;
        if (res.status !== 200) throw new Error(`sealed push failed: ${res.status} ${JSON.stringify(answer)}`);
        accepted += answer.results.filter((r) => r.status === 'accepted').length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== total) throw new Error(`sealed phase: expected ${total} accepted, got ${accepted}`);
  return { sealedRate: total / seconds, sealMsPerItem };
}

/** Phase 1: enrol devices over HTTP and push every check-in in batches, all devices at once. */
async function benchHttp(dir: string, withSealed: boolean): Promise<HttpResult> {
  const dataDir = join(dir, 'http');
  const target: DatabaseTarget = PG
    ? { databaseUrl: await freshPgSchema('bench_ingest_http') }
    : { dbFile: dbFileIn(dataDir) };
  const { db, checkpointIds } = await prepareDatabase(target);
  const codes: string[] = [];
  for (const id of checkpointIds) codes.push(await issueEnrolmentCode(db, id, Date.now()));
  await db.destroy();

  const server = await startServer(dataDir, target);
  const base = server.base;
  try {
    const devices: KeyedEnrolment[] = [];
    for (const code of codes) devices.push(await enrolKeyed(base, code, 'bench', 'bench'));

    const perDevice = workload(checkpointIds);
    // Bodies are serialised and encoded up front, as a phone would have them: the clients' work is not the server's.
    let bytes = 0;
    const utf8 = new TextEncoder();
    const allBodies = await Promise.all(
      perDevice.map(async (items, d) => {
        const out: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }[] = [];
        for (let i = 0; i < items.length; i += BATCH) {
          const batch = items.slice(i, i + BATCH);
          const text = JSON.stringify({
            protocol: PROTOCOL_VERSION,
            sentAt: Date.now(),
            appVersion: 'bench',
            pending: items.length - i,
            items: batch,
          });
          const body = utf8.encode(text);
          bytes += body.length;
          out.push({ body, headers: await signedPushHeaders(devices[d]!, text) });
        }
        return out;
      }),
    );
    const warmupBodies = allBodies[DEVICES] ?? [];
    const bodies = allBodies.slice(0, DEVICES);
    bytes -= warmupBodies.reduce((n, b) => n + b.body.length, 0);

    // Warm-up (not timed): a freshly started process runs its first requests before the JIT has
    // compiled the hot paths; a district server runs for days.
    for (const { body, headers } of warmupBodies) {
      const res = await fetch(`${base}${API.push}`, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`warm-up push failed: ${res.status} ${await res.text()}`);
    }

    const latencies: number[] = [];
    let accepted = 0;
    const started = performance.now();
    await Promise.all(
      bodies.map(async (deviceBodies, d) => {
        for (const { body, headers } of deviceBodies) {
          const t = performance.now();
          const res = await fetch(`${base}${API.push}`, { method: 'POST', headers, body });
          const answer = (await res.json()) as PushResponse;
          latencies.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(answer)}`);
          accepted += answer.results.filter((r) => r.status === 'accepted').length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (accepted !== ROWS) throw new Error(`expected ${ROWS} accepted, got ${accepted}`);

    const check = openTarget(target, { readonly: true });
    const stored = await countCheckins(check);
    await check.destroy();
    if (stored !== ROWS + WARMUP) throw new Error(`expected ${ROWS + WARMUP} stored rows, found ${stored}`);
    const sealed = withSealed
      ? await benchSealed(base, devices.slice(0, DEVICES), checkpointIds)
      : { sealedRate: NaN, sealMsPerItem: NaN };
    return { rate: ROWS / seconds, seconds, requests: latencies.length, bytes, latencies, perDevice, ...sealed };
  } finally {
    await server.stop();
  }
}

/**
 * Phase 2: the same rows, same schema and pragmas, inserted with one prepared statement in 1,000-row
 * transactions: first the warm-up rows (not timed), then the timed rows in the order the server got them.
 */
async function benchDirect(dir: string, perDevice: CheckIn[][]): Promise<{ rate: number; seconds: number }> {
  const dbFile = join(dir, 'direct.sqlite');
  const target: DatabaseTarget = PG ? { databaseUrl: await freshPgSchema('bench_ingest_direct') } : { dbFile };
  const { db, checkpointIds } = await prepareDatabase(target);
  const deviceIds: string[] = [];
  for (const [i, checkpointId] of checkpointIds.entries()) {
    const id = uuidv7();
    deviceIds.push(id);
    await insertDevice(db, { id, checkpointId, label: null, appVersion: 'bench', enrolledAt: Date.now() }, `hash-${i}`);
  }
  await db.destroy();

  // Rows as the server would store them, built before the clock starts: this phase measures storage only.
  const receivedAt = Date.now();
  const deviceOf = new Map(perDevice.map((items, d) => [items[0]?.checkpointId, d]));
  const toStored = (item: CheckIn) => {
    const d = deviceOf.get(item.checkpointId) ?? 0;
    const remapped = { ...item, checkpointId: checkpointIds[d] ?? '' };
    return toStoredCheckIn(remapped, { deviceId: deviceIds[d] ?? '', receivedAt, clockOffsetMs: 0 });
  };
  const warmup = prepareCheckins((perDevice[DEVICES] ?? []).map(toStored));
  const rows = prepareCheckins(arrivalOrder(perDevice.slice(0, DEVICES)).flat().map(toStored));
  if (rows.count === 0) throw new Error('no rows');

  const inserter = openDirectInserter(target, DIRECT_TXN_ROWS);
  try {
    await inserter.insert(warmup);
    const started = performance.now();
    await inserter.insert(rows);
    const seconds = (performance.now() - started) / 1000;
    const stored = await inserter.count();
    const expected = rows.count + warmup.count;
    if (stored !== expected) throw new Error(`direct: expected ${expected} rows, found ${stored}`);
    return { rate: rows.count / seconds, seconds };
  } finally {
    await inserter.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  buildServerBundle();
  const dir = mkdtempSync(join(tmpdir(), 'tram-qr-bench-'));
  try {
    const where = values['in-process']
      ? 'server in this process'
      : 'server as its own process (node dist-server/cli.js start)';
    console.log(
      `ingest bench: ${fmt(ROWS)} check-ins, ${DEVICES} devices, batches of ${BATCH}, ${PG ? 'PostgreSQL (own schema, default durability)' : 'SQLite (WAL, synchronous=FULL)'}, ${where}`,
    );
    console.log(`both phases first store the same ${fmt(WARMUP)} warm-up check-ins (not timed)`);
    console.log(
      `${ROUNDS} rounds of the HTTP phase then the direct phase, each on fresh files; the figures are the round with the median ratio (this machine's speed drifts by a third between minutes)`,
    );
    const rounds: { http: HttpResult; direct: { rate: number; seconds: number } }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const roundDir = join(dir, `round-${round + 1}`);
      const http = await benchHttp(roundDir, round === 0);
      const lat = [...http.latencies].sort((a, b) => a - b);
      console.log(
        `round ${round + 1} http:   ${fmt(ROWS)} rows in ${http.seconds.toFixed(2)} s over ${http.requests} pushes ` +
          `(${(http.bytes / ROWS).toFixed(0)} B/check-in on the wire); push latency p50 ${percentile(lat, 50).toFixed(0)} ms, p95 ${percentile(lat, 95).toFixed(0)} ms`,
      );
      const direct = await benchDirect(roundDir, http.perDevice);
      console.log(
        `round ${round + 1} direct: ${fmt(ROWS)} rows in ${direct.seconds.toFixed(2)} s (${PG ? '100-row Kysely INSERTs' : 'one prepared INSERT'}, ${fmt(DIRECT_TXN_ROWS)}-row transactions); ratio ${(http.rate / direct.rate).toFixed(2)}`,
      );
      rounds.push({ http, direct });
    }
    const sealed = rounds[0]!.http;
    console.log(
      `sealed: ${fmt(SEALED_ROWS)} check-ins sealed on the "devices" at ${sealed.sealMsPerItem.toFixed(2)} ms each (HPKE, X25519: the district key offers it), opened by the server at ingest: ${fmt(sealed.sealedRate)}/s over HTTP (round 1)`,
    );
    const byRatio = [...rounds].sort((a, b) => a.http.rate / a.direct.rate - b.http.rate / b.direct.rate);
    const { http, direct } = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
    const plain = `ingest http ${fmt(http.rate).replace(/,/g, '')}/s direct ${fmt(direct.rate).replace(/,/g, '')}/s ratio ${(http.rate / direct.rate).toFixed(2)}`;
    console.log(
      `${plain} sealed-http ${fmt(sealed.sealedRate).replace(/,/g, '')}/s seal-ms-per-item ${sealed.sealMsPerItem.toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
