/**
 * Shared set-up for server tests: a real SQLite file in the temp dir, the app built on it, the demo
 * region seeded, and a second connection for the test to arrange and inspect data.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { API, PROTOCOL_VERSION, type CheckIn, type EnrolResponse, type Person } from '../../src/shared/protocol';
import { v7 as uuidv7 } from 'uuid';
import { buildApp, type AppConfig } from '../../src/server/app';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openTarget, type DatabaseTarget, type Db } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createTestDatabase } from './test-db';
import { seedDemo } from '../../src/server/seed/demo';
import { issueEnrolmentCode } from '../../src/server/services/enrolment';
import type { Checkpoint } from '../../src/server/domain/types';
import { sampleCheckIns } from '../../src/server/seed/sample-checkins';
import { buildProof, generateDeviceKey, PROOF_HEADER } from '../../src/shared/sealed/device-proof';

/** Signing keys of the devices tests enrolled, by token: `push` signs with them like the app does. */
const deviceKeys = new Map<string, { deviceId: string; privateKey: CryptoKey }>();

/** Remembers a device's signing key for its token (tests that enrol by hand). */
export function rememberDeviceKey(token: string, deviceId: string, privateKey: CryptoKey): void {
  deviceKeys.set(token, { deviceId, privateKey });
}

/** The headers of a push the device holding `token` signs (bearer only when the test has no key for it). */
export async function signedHeaders(
  token: string,
  body: string,
  opts: { path?: string; now?: number } = {},
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const key = deviceKeys.get(token);
  if (key)
    headers[PROOF_HEADER] = await buildProof(key.privateKey, {
      deviceId: key.deviceId,
      method: 'POST',
      path: opts.path ?? API.push,
      body,
      now: opts.now ?? sentAtOf(body),
    });
  return headers;
}

/** The `sentAt` of a JSON push body (the device clock the proof is made with), else now. */
function sentAtOf(body: string): number {
  try {
    const sentAt = (JSON.parse(body) as { sentAt?: unknown }).sentAt;
    return typeof sentAt === 'number' ? sentAt : Date.now();
  } catch {
    return Date.now();
  }
}

/** 28 Nov 2026, 08:00 UTC: the server's clock in tests unless a test moves it. */
export const T0 = Date.UTC(2026, 10, 28, 8, 0, 0);

export interface TestServer {
  app: FastifyInstance;
  /** A second connection to the same file, for arranging and inspecting. */
  db: Db;
  dir: string;
  /** The SQLite file ('' when the run tests PostgreSQL; see test-db.ts). */
  dbFile: string;
  /** What to give `buildApp` for another instance on the same database. */
  target: DatabaseTarget;
  clock: { now: number };
  /** The demo checkpoint TS-DL-001. */
  checkpoint: Checkpoint;
  /** Issues an enrolment code for a checkpoint (default TS-DL-001). */
  issueCode(checkpointCode?: string, ttlHours?: number): Promise<string>;
  /** Enrols a device and returns the server's answer. */
  enrol(checkpointCode?: string): Promise<EnrolResponse>;
  close(): Promise<void>;
}

/** Builds the app on a fresh temporary SQLite file with the demo region seeded. */
export async function startTestServer(config: Partial<AppConfig> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const { dir, dbFile, target } = database;
  const clock = { now: T0 };
  const app = await buildApp({
    ...target,
    publicUrl: 'http://district.test',
    now: () => clock.now,
    districtKeyDir: join(dir, 'district-keys'),
    ...config,
  });
  const db = openTarget(target);
  await seedDemo(db, clock.now);
  const checkpoint = await findCheckpointByCode(db, 'TS-DL-001');
  if (!checkpoint) throw new Error('demo checkpoint missing');

  const issueCode = async (checkpointCode = 'TS-DL-001', ttlHours?: number): Promise<string> => {
    const cp = await findCheckpointByCode(db, checkpointCode);
    if (!cp) throw new Error(`no checkpoint ${checkpointCode}`);
    return issueEnrolmentCode(db, cp.id, clock.now, ttlHours);
  };
  return {
    app,
    db,
    dir,
    dbFile,
    target,
    clock,
    checkpoint,
    issueCode,
    async enrol(checkpointCode) {
      const code = await issueCode(checkpointCode);
      const key = await generateDeviceKey();
      const res = await app.inject({
        method: 'POST',
        url: API.enrol,
        payload: { code, appVersion: '0.1.0', deviceLabel: 'Máy cổng 1', deviceKey: key.publicJwk },
      });
      if (res.statusCode !== 201) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`);
      const enrolment = res.json<EnrolResponse>();
      rememberDeviceKey(enrolment.token, enrolment.deviceId, key.privateKey);
      return enrolment;
    },
    async close() {
      await app.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Enrols a device at `app` with a one-time code and a signing key (remembered for `push`). */
export async function enrolSigned(app: FastifyInstance, code: string, appVersion = '0.1.0'): Promise<EnrolResponse> {
  const key = await generateDeviceKey();
  const res = await app.inject({
    method: 'POST',
    url: API.enrol,
    payload: { code, appVersion, deviceKey: key.publicJwk },
  });
  if (res.statusCode !== 201) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`);
  const enrolment = res.json<EnrolResponse>();
  rememberDeviceKey(enrolment.token, enrolment.deviceId, key.privateKey);
  return enrolment;
}

/** A push body around some items, sent now by a device whose clock agrees with the server's. */
export function pushBody(items: unknown[], extra: { sentAt?: number; pending?: number } = {}): Record<string, unknown> {
  return {
    protocol: PROTOCOL_VERSION,
    sentAt: extra.sentAt ?? T0,
    appVersion: '0.1.0',
    pending: extra.pending ?? items.length,
    items,
  };
}

/** POSTs a push with a bearer token, signed with the device's key when the test enrolled it. */
export async function push(app: FastifyInstance, token: string, body: unknown): Promise<LightMyRequestResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return app.inject({ method: 'POST', url: API.push, headers: await signedHeaders(token, text), payload: text });
}

/** One scanned card's check-in (kind `in` unless `extra` says otherwise) at a checkpoint at a device time. */
export function cardCheckIn(checkpointId: string, person: Person, time: number, extra: Partial<CheckIn> = {}): CheckIn {
  return { id: uuidv7(), checkpointId, kind: 'in', source: 'cccd', deviceTime: time, person, ...extra };
}

/** Realistic valid check-ins at a checkpoint, from an hour before T0 (earlier for long runs, so none lies after T0). */
export function checkIns(checkpointId: string, count: number, seed = 7): CheckIn[] {
  // Items are at most 21 s apart: a long run starts early enough to end before the server's clock.
  return sampleCheckIns({ checkpointId, count, startTime: T0 - Math.max(3_600_000, count * 21_000 + 60_000), seed });
}

/** A fresh data directory whose SQLite file is migrated and seeded with the demo region (for CLI tests). */
export async function seededDataDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = openDatabase(join(dir, 'checkpoints.sqlite'));
  await migrateToLatest(db);
  await seedDemo(db, Date.now());
  await db.destroy();
  return dir;
}

/** Check-in ids in a SQLite file, read by a fresh connection that shares nothing with the server. */
export function idsOnDisk(file: string): string[] {
  const conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare('SELECT id FROM checkins ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    conn.close();
  }
}
