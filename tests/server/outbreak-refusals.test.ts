/**
 * What the outbreak and account routes refuse, each with its reason code (src/shared/reasons.ts), and what is then
 * stored (nothing): a symptomatic case without its onset (register and convert), "no symptoms" with an onset, a
 * query with an impossible date, a range that ends before it starts, a date the route does not read, and an
 * administrator locking their own account.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { OUTBREAK_API as API, type Investigation, type OutbreakCase } from '../../src/shared/outbreak-api';
import { REASONS } from '../../src/shared/reasons';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

const at = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);
const person = (name: string, id: string): Person => ({ name, idNumber: `0380950000${id}`, phone: `09120000${id}` });
const CASE = person('Nguyễn Văn Án', '31');
const F1 = person('Lê Thị Bình', '32');

let s: TestServer;
let tracer: ConsoleClient;
let admin: ConsoleClient;
let officer: ConsoleClient;
let adminId = '';

beforeAll(async () => {
  s = await startTestServer();
  const guard = await s.enrol('TS-DL-001');
  const cp = guard.checkpoint.id;
  const visit = (p: Person, time: number, kind: 'in' | 'out' = 'in', ref?: string): CheckIn => ({
    id: uuidv7(),
    checkpointId: cp,
    kind,
    source: 'cccd',
    deviceTime: time,
    person: p,
    ...(ref ? { ref } : {}),
  });
  const caseIn = visit(CASE, at(2));
  expect(
    (await push(s.app, guard.token, pushBody([caseIn, visit(CASE, at(3), 'out', caseIn.id), visit(F1, at(2, 30))])))
      .statusCode,
  ).toBe(200);
  await createAccount(s.db, 'truyvet', 'tracer');
  adminId = await createAccount(s.db, 'quantri', 'admin');
  await createAccount(s.db, 'tramyte', 'officer', 'TS-DL');
  tracer = await signIn(s.app, 'truyvet');
  admin = await signIn(s.app, 'quantri');
  officer = await signIn(s.app, 'tramyte');
});
afterAll(async () => {
  await s.close();
});

const caseBody = (extra: Record<string, unknown>) => ({
  personKeys: ['cccd:038095000031'],
  confirmedAt: T0,
  testType: 'pcr',
  isolation: 'home',
  ...extra,
});
const cases = async () => (await tracer.request('GET', API.cases)).json<{ cases: OutbreakCase[] }>().cases;

describe('outbreak refusals', { timeout: 60_000 }, () => {
  it('refuses a symptomatic case without its onset, and "no symptoms" with one; stores nothing', async () => {
    const noOnset = await tracer.request('POST', API.cases, caseBody({ asymptomatic: false, onsetAt: null }));
    expect(noOnset.statusCode).toBe(400);
    expect(noOnset.json()).toMatchObject({ error: 'onset_required' });
    expect(REASONS.onset_required.vi).toContain('ngày khởi phát');
    const both = await tracer.request('POST', API.cases, caseBody({ asymptomatic: true, onsetAt: at(1) }));
    expect(both.json()).toMatchObject({ error: 'onset_not_asymptomatic' });
    // The old body, where a lost onset and "no symptoms" were both `null`, is no longer read as "no symptoms".
    const unsaid = await tracer.request('POST', API.cases, caseBody({ onsetAt: null }));
    expect(unsaid.statusCode).toBe(400);
    expect(unsaid.json()).toMatchObject({ error: 'invalid_request' });
    expect(await cases()).toEqual([]);
  });

  it('stores a symptomatic case with its onset; the window starts from the onset', async () => {
    const res = await tracer.request('POST', API.cases, caseBody({ asymptomatic: false, onsetAt: at(1) }));
    expect(res.statusCode).toBe(201);
    const [stored] = await cases();
    expect(stored).toMatchObject({ onsetAt: at(1) });
    // Two days before the onset day (26 Nov in Vietnam), not before the test (28 Nov).
    expect(stored!.window.start).toBe(Date.UTC(2026, 10, 24, 17));
  });

  it('refuses converting a positive F1 with symptoms but no onset; the follow-up stays open', async () => {
    const [c] = await cases();
    const inv = (await tracer.request('GET', `${API.cases}/${c!.id}`)).json<Investigation>();
    const contact = inv.contacts.find((x) => x.name === F1.name)!;
    const decided = await tracer.request('POST', `${API.contacts}/${contact.id}/decision`, {
      decision: 'confirm',
      reason: '',
    });
    const { followupId } = decided.json<{ followupId: string }>();
    const convert = (extra: Record<string, unknown>) =>
      officer.request('POST', `${API.followups}/${followupId}/convert`, {
        confirmedAt: T0,
        testType: 'pcr',
        isolation: 'home',
        ...extra,
      });
    const refused = await convert({ asymptomatic: false, onsetAt: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'onset_required' });
    const f = (await officer.request('GET', `${API.followups}/${followupId}`)).json<{ followup: { status: string } }>();
    expect(f.followup.status).toBe('active');
    expect(await cases()).toHaveLength(1);
    const ok = await convert({ asymptomatic: false, onsetAt: T0 - 3_600_000 });
    expect(ok.statusCode).toBe(201);
    const made = (await cases()).find((k) => k.name === F1.name);
    expect(made).toMatchObject({ onsetAt: T0 - 3_600_000, isolation: 'home' });
  });

  it('refuses impossible dates, reversed ranges and dates a route does not read, each with its reason', async () => {
    for (const day of ['9999-99-99', '2026-02-30', '0000-00-00', '2026-13-01', '2026-11-31', '26-11-28', 'hôm nay']) {
      const res = await tracer.request('GET', `${API.report}?day=${encodeURIComponent(day)}`);
      expect(res.statusCode, day).toBe(400);
      expect(res.json(), day).toMatchObject({ error: 'bad_day' });
      expect((await tracer.request('GET', `${API.reportXlsx}?day=${encodeURIComponent(day)}`)).statusCode).toBe(400);
      expect((await tracer.request('GET', `${API.chain}?from=${encodeURIComponent(day)}`)).json()).toMatchObject({
        error: 'bad_day',
      });
    }
    expect((await tracer.request('GET', `${API.report}?day=2028-02-29`)).statusCode).toBe(200); // a leap day
    const reversed = await tracer.request('GET', `${API.chain}?from=2026-12-08&to=2026-12-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ error: 'range_reversed' });
    expect((await tracer.request('GET', `${API.chain}?from=2026-12-01&to=2026-12-01`)).statusCode).toBe(200);
    // The call list is always today's; the chain reads a range, the report one day: a date they would ignore is refused.
    for (const [who, url] of [
      [officer, `${API.followups}?day=2026-11-28`],
      [tracer, `${API.chain}?day=2026-11-28`],
      [officer, `${API.report}?from=2026-11-28`],
    ] as const) {
      const res = await who.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ error: 'day_not_used' });
    }
    for (const code of ['bad_day', 'range_reversed', 'day_not_used', 'onset_not_asymptomatic'] as const)
      expect(REASONS[code].vi.length).toBeGreaterThan(10);
  });
});

describe('accounts', () => {
  it('refuses an administrator locking their own account, with its reason; the account stays usable', async () => {
    const res = await admin.request('POST', `/api/admin/users/${adminId}/disable`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'cannot_disable_self' });
    const users = (await admin.request('GET', '/api/admin/users')).json<{ id: string; disabledAt: number | null }[]>();
    expect(users.find((u) => u.id === adminId)?.disabledAt).toBeNull();
    expect((await admin.request('GET', '/api/admin/session')).statusCode).toBe(200);
  });
});
