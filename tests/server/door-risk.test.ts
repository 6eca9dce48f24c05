/**
 * Risk at the door on the server (real SQLite file, or PostgreSQL in the server-pg project): the risk
 * flags a device sends are stored in their columns, the district's risk settings reach devices and the
 * public policy, the dashboard counts today's risk declarations per checkpoint and commune (officers see
 * their commune only), and tracing marks and filters contacts who declared a symptom or an exposure.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { API, type CheckIn, type Person, type PushResponse, type RiskFlags } from '../../src/shared/protocol';
import type { RiskDashboard } from '../../src/shared/risk/dashboard-api';
import { TRACING_API, type TraceResult } from '../../src/shared/tracing-api';
import { findCheckinById } from '../../src/server/db/checkins-repo';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

const M = 60_000;
const SICK: RiskFlags = { status: 'current', ageDays: 0, kinds: ['symptom'], signals: ['fever', 'cough'] };
const CONTACT: RiskFlags = {
  status: 'current',
  ageDays: 0,
  kinds: ['symptom', 'exposure'],
  signals: ['cough', 'contact_case'],
};
const STALE: RiskFlags = { status: 'stale', ageDays: 7, kinds: [], signals: [] };
const MISSING: RiskFlags = { status: 'missing', kinds: [], signals: [] };
const CLEAR: RiskFlags = { status: 'current', ageDays: 0, kinds: [], signals: [] };

const CASE: Person = { name: 'Nguyễn Văn Án', idNumber: '038095000001' };
const person = (n: number): Person => ({ name: `Người số ${n}`, idNumber: `0380950001${String(n).padStart(2, '0')}` });

function arrival(checkpointId: string, who: Person, time: number, risk?: RiskFlags): CheckIn {
  return {
    id: uuidv7(),
    checkpointId,
    kind: 'in',
    source: 'cccd',
    deviceTime: time,
    person: who,
    ...(risk ? { risk } : {}),
  };
}

let s: TestServer;
let admin: ConsoleClient;
let officer: ConsoleClient;
let tracer: ConsoleClient;
let guardDl: { token: string; checkpointId: string };
let guardNua: { token: string; checkpointId: string };

beforeAll(async () => {
  s = await startTestServer();
  const dl = await s.enrol('TS-DL-001');
  const nua = await s.enrol('TS-NUA-001');
  guardDl = { token: dl.token, checkpointId: dl.checkpoint.id };
  guardNua = { token: nua.token, checkpointId: nua.checkpoint.id };
  await createAccount(s.db, 'quantri', 'admin');
  await createAccount(s.db, 'canbo', 'officer');
  await createAccount(s.db, 'truyvet', 'tracer');
  admin = await signIn(s.app, 'quantri');
  officer = await signIn(s.app, 'canbo');
  tracer = await signIn(s.app, 'truyvet');
});
afterAll(async () => {
  await s.close();
});

async function pushOk(guard: { token: string }, items: unknown[]): Promise<PushResponse> {
  const res = await push(s.app, guard.token, pushBody(items));
  expect(res.statusCode).toBe(200);
  return res.json<PushResponse>();
}

describe('risk flags in a push', () => {
  it('are stored in their columns and read back; a check-out keeps none', async () => {
    const sick = arrival(guardDl.checkpointId, person(90), T0 - 10 * M, SICK);
    const out: CheckIn = {
      id: uuidv7(),
      checkpointId: guardDl.checkpointId,
      kind: 'out',
      ref: sick.id,
      source: 'cccd',
      deviceTime: T0 - 5 * M,
      person: person(90),
      risk: SICK,
    };
    const answer = await pushOk(guardDl, [sick, out]);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const rows = await s.db
      .selectFrom('checkins')
      .select(['id', 'risk_kinds', 'declaration_status'])
      .where('id', 'in', [sick.id, out.id])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, r.risk_kinds === null ? null : Number(r.risk_kinds), r.declaration_status])).toEqual([
      [sick.id, 1, 'current'],
      [out.id, null, null],
    ]);
    expect((await findCheckinById(s.db, sick.id))?.risk).toEqual(SICK);
    expect((await findCheckinById(s.db, out.id))?.risk).toBeUndefined();
  });

  it('refuses a malformed risk claim item by item, with a reason', async () => {
    const bad = {
      ...arrival(guardDl.checkpointId, person(91), T0 - 9 * M),
      risk: { status: 'sick', kinds: ['fever'], signals: [] },
    };
    const good = arrival(guardDl.checkpointId, person(92), T0 - 9 * M, CLEAR);
    const answer = await pushOk(guardDl, [bad, good]);
    expect(answer.results[0]).toMatchObject({ status: 'rejected' });
    expect(answer.results[0]?.reason).toMatch(/risk/);
    expect(answer.results[1]).toMatchObject({ status: 'accepted' });
    expect(await findCheckinById(s.db, bad.id)).toBeUndefined();
  });
});

describe('risk settings', () => {
  it('are set in the console and reach guard devices and the public policy', async () => {
    const put = await admin.request('PUT', '/api/admin/settings', {
      declarationValidDays: 2,
      riskInstruction: 'Không vào chốt. Về nhà, tự cách ly và gọi trạm y tế xã.',
      healthPhone: '0237 3865 115',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ declarationValidDays: 2, healthPhone: '0237 3865 115', repeatWindowMin: 10 });

    const config = await s.app.inject({
      method: 'GET',
      url: API.deviceConfig,
      headers: { authorization: `Bearer ${guardDl.token}` },
    });
    expect(config.json<{ settings: Record<string, unknown> }>().settings).toMatchObject({
      declarationValidDays: 2,
      riskInstruction: 'Không vào chốt. Về nhà, tự cách ly và gọi trạm y tế xã.',
      healthPhone: '0237 3865 115',
    });
    const policy = await s.app.inject({ method: 'GET', url: API.riskPolicy });
    expect(policy.statusCode).toBe(200);
    expect(policy.json()).toEqual({
      declarationValidDays: 2,
      instruction: 'Không vào chốt. Về nhà, tự cách ly và gọi trạm y tế xã.',
      healthPhone: '0237 3865 115',
    });
  });

  it('refuses values out of range with a reason, and officers may not change them', async () => {
    const tooLong = await admin.request('PUT', '/api/admin/settings', { declarationValidDays: 0 });
    expect(tooLong.statusCode).toBe(400);
    const badPhone = await admin.request('PUT', '/api/admin/settings', { healthPhone: 'gọi tôi' });
    expect(badPhone.statusCode).toBe(400);
    expect((await officer.request('PUT', '/api/admin/settings', { healthPhone: '115' })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: API.riskPolicy })).json()).toMatchObject({
      declarationValidDays: 2,
    });
  });
});

describe('dashboard: today’s risk declarations', () => {
  beforeAll(async () => {
    const yesterday = Date.UTC(2026, 10, 27, 10, 0); // 17:00 on 27 Nov in Vietnam: not today
    await pushOk(guardDl, [
      arrival(guardDl.checkpointId, person(1), T0 - 60 * M, SICK),
      arrival(guardDl.checkpointId, person(2), T0 - 50 * M, CONTACT),
      arrival(guardDl.checkpointId, person(3), T0 - 40 * M, STALE),
      arrival(guardDl.checkpointId, person(4), T0 - 30 * M, MISSING),
      arrival(guardDl.checkpointId, person(5), yesterday, SICK),
    ]);
    await pushOk(guardNua, [
      arrival(guardNua.checkpointId, person(6), T0 - 20 * M, CONTACT),
      arrival(guardNua.checkpointId, person(7), T0 - 20 * M),
    ]);
  });

  it('counts arrivals with a symptom or an exposure per checkpoint and commune, most risk first', async () => {
    const res = await admin.request('GET', '/api/admin/dashboard/risk');
    expect(res.statusCode).toBe(200);
    const d = res.json<RiskDashboard>();
    expect(d.date).toBe('2026-11-28');
    const dl = d.checkpoints.find((c) => c.code === 'TS-DL-001');
    // Earlier tests pushed person 90 (symptom; its check-out is not an arrival) and 92 (clear) today.
    expect(dl).toMatchObject({ arrivals: 6, risky: 3, symptom: 3, exposure: 1, stale: 1, missing: 1 });
    expect(d.checkpoints.find((c) => c.code === 'TS-NUA-001')).toMatchObject({
      arrivals: 2,
      risky: 1,
      symptom: 1,
      exposure: 1,
    });
    expect(d.checkpoints[0]?.code).toBe('TS-DL-001');
    expect(d.communes.map((c) => [c.name, c.risky])).toEqual([
      [dl?.unitName, 3],
      [d.checkpoints.find((c) => c.code === 'TS-NUA-001')?.unitName, 1],
    ]);
    expect(d.totals).toMatchObject({ arrivals: 8, risky: 4 });
  });

  it('shows a commune officer their commune only', async () => {
    const d = (await officer.request('GET', '/api/admin/dashboard/risk')).json<RiskDashboard>();
    expect(d.checkpoints.map((c) => c.code)).toEqual(['TS-DL-001']);
    expect(d.totals.risky).toBe(3);
    expect((await tracer.request('GET', '/api/admin/dashboard/risk')).statusCode).toBe(403);
  });
});

describe('tracing: contacts who declared risk', () => {
  it('marks them and, when asked, keeps only them', async () => {
    const cp = guardNua.checkpointId;
    const start = T0 - 6 * 60 * M;
    const caseIn = arrival(cp, CASE, start);
    await pushOk(guardNua, [
      caseIn,
      {
        id: uuidv7(),
        checkpointId: cp,
        kind: 'out',
        ref: caseIn.id,
        source: 'cccd',
        deviceTime: start + 30 * M,
        person: CASE,
      },
      arrival(cp, person(20), start + 5 * M, CONTACT),
      arrival(cp, person(21), start + 10 * M, CLEAR),
      arrival(cp, person(22), start + 15 * M),
    ]);
    const body = { personKeys: [`cccd:${CASE.idNumber}`], from: start - 60 * M, to: start + 120 * M };
    const all = (await tracer.request('POST', TRACING_API.run, body)).json<TraceResult>();
    expect(all.f1.map((c) => c.name).sort()).toEqual(['Người số 20', 'Người số 21', 'Người số 22']);
    expect(all.f1.find((c) => c.name === 'Người số 20')?.risk).toEqual({
      kinds: ['symptom', 'exposure'],
      signals: ['contact_case', 'cough'],
    });
    expect(all.f1.find((c) => c.name === 'Người số 21')?.risk).toBeUndefined();

    const only = await tracer.request('POST', TRACING_API.run, { ...body, riskOnly: true });
    expect(only.statusCode).toBe(200);
    expect(only.json<TraceResult>().f1.map((c) => c.name)).toEqual(['Người số 20']);
    expect((await tracer.request('POST', TRACING_API.run, { ...body, riskOnly: 'yes' })).statusCode).toBe(400);
  });
});

describe('the migration', () => {
  it('left older rows readable with no risk', async () => {
    const legacy = arrival(guardDl.checkpointId, person(40), T0 - 5 * M);
    await pushOk(guardDl, [legacy]);
    const row = await sql<{
      risk_kinds: number | null;
    }>`select risk_kinds from checkins where id = ${legacy.id}`.execute(s.db);
    expect(row.rows[0]?.risk_kinds ?? null).toBe(null);
    expect((await findCheckinById(s.db, legacy.id))?.risk).toBeUndefined();
  });
});
