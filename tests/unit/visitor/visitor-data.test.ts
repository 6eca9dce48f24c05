import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  AppDb,
  deleteVisitorData,
  getVisitorRegistration,
  latestDeclaration,
  listProfiles,
  listSelfCheckIns,
  pendingCount,
  purgeDeclarationsBefore,
  saveCheckIn,
  saveDeclaration,
  saveEnrolment,
  saveProfile,
  useDatabase,
} from '../../../src/client/data';
import { flushOutbox } from '../../../src/client/sync/flush';
import { ensureVisitorCredentials } from '../../../src/client/sync/visitor-credentials';
import { makeCheckIn } from '../../support/make-checkin';

let n = 0;
beforeEach(() => useDatabase(new AppDb(`visitor-${++n}`)));

const selfCheckIn = () =>
  makeCheckIn(1, {
    id: uuidv7(),
    source: 'self',
    proof: { code: 'TS-DL-001', name: 'UBND xã Dân Lực', sig: 'A'.repeat(86) },
  });

/** A district server that registers visitor phones and accepts their pushes, counting calls. */
function fakeServer() {
  const calls: string[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    calls.push(`${path} ${String((init?.headers as Record<string, string> | undefined)?.authorization ?? '')}`);
    if (path === '/api/visitor/register')
      return new Response(JSON.stringify({ deviceId: 'v1', token: 'T'.repeat(43), serverTime: 1 }), { status: 201 });
    const body = JSON.parse(String(init?.body)) as { items: { id: string }[] };
    return new Response(
      JSON.stringify({
        serverTime: 2,
        clockOffsetMs: 0,
        results: body.items.map((i) => ({ id: i.id, status: 'accepted' })),
      }),
      { status: 200 },
    );
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('visitor data on the phone', () => {
  it('keeps the owner first, the latest declaration per profile, and deletes everything but guard data', async () => {
    await saveProfile({ id: 'child00001', person: { name: 'Trần Minh Khang' }, self: false, createdAt: 1 });
    await saveProfile({ id: 'mother0001', person: { name: 'Nguyễn Thị Hoa' }, self: true, createdAt: 2 });
    await saveDeclaration('mother0001', { version: 1, date: '2026-11-27', answers: { fever: false } });
    await saveDeclaration('mother0001', { version: 1, date: '2026-11-28', answers: { fever: true } });
    expect((await listProfiles()).map((p) => p.person.name)).toEqual(['Nguyễn Thị Hoa', 'Trần Minh Khang']);
    expect((await latestDeclaration('mother0001'))?.declaration.date).toBe('2026-11-28');

    await saveCheckIn(selfCheckIn());
    await saveCheckIn(makeCheckIn(2));
    expect(await listSelfCheckIns()).toHaveLength(1);
    await deleteVisitorData();
    expect(await listProfiles()).toEqual([]);
    expect(await latestDeclaration('mother0001')).toBeUndefined();
    expect(await pendingCount()).toBe(1); // the guard-side scan stays
  });
});

describe("a visitor's declarations past the retention window", () => {
  it('go, and the days inside it stay, the latest one still found', async () => {
    await saveDeclaration('mother0001', { version: 1, date: '2026-10-01', answers: { fever: true } });
    await saveDeclaration('child00001', { version: 1, date: '2026-10-30', answers: { cough: true } });
    await saveDeclaration('mother0001', { version: 1, date: '2026-11-27', answers: { fever: false } });
    expect(await purgeDeclarationsBefore('2026-10-31')).toBe(2);
    expect((await latestDeclaration('mother0001'))?.declaration.date).toBe('2026-11-27');
    expect(await latestDeclaration('child00001')).toBeUndefined();
  });
});

describe('visitor credentials in the flush', () => {
  it('registers once before the first self check-in is sent, then reuses the token', async () => {
    const server = fakeServer();
    const opts = {
      baseUrl: 'http://district.test',
      appVersion: 'test',
      fetchImpl: server.fetchImpl,
      ensureCredentials: () => ensureVisitorCredentials('http://district.test', 'test', server.fetchImpl),
    };
    expect((await flushOutbox(opts)).outcome).toBe('not_enrolled');
    expect(server.calls).toEqual([]);

    await saveCheckIn(selfCheckIn());
    expect(await flushOutbox(opts)).toMatchObject({ outcome: 'done', cleared: 1 });
    await saveCheckIn(selfCheckIn());
    expect(await flushOutbox(opts)).toMatchObject({ outcome: 'done', cleared: 1 });
    expect(server.calls.map((c) => c.split(' ')[0])).toEqual([
      '/api/visitor/register',
      '/api/sync/push',
      '/api/sync/push',
    ]);
    expect(server.calls[1]).toContain(`Bearer ${'T'.repeat(43)}`);
    expect((await getVisitorRegistration())?.deviceId).toBe('v1');
  });

  it('backs off when registration fails offline, and never registers a guard device', async () => {
    await saveCheckIn(selfCheckIn());
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const result = await flushOutbox({
      baseUrl: 'http://d.test',
      appVersion: 't',
      ensureCredentials: () => ensureVisitorCredentials('http://d.test', 't', offline),
    });
    expect(result).toMatchObject({ outcome: 'failed', error: 'offline' });
    expect(await pendingCount()).toBe(1);

    await saveEnrolment({
      deviceId: 'g',
      token: 'G'.repeat(43),
      enrolledAt: 0,
      checkpoint: { id: 'cp', code: 'X', name: 'X', unitName: '', address: '', defaultStayMin: 60 },
    });
    const server = fakeServer();
    expect(await ensureVisitorCredentials('http://d.test', 't', server.fetchImpl)).toBeNull();
    expect(server.calls).toEqual([]);
  });
});
