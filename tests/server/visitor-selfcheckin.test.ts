import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type CheckIn, type PushResponse, type VisitorRegisterResponse } from '../../src/shared/protocol';
import { listAllCheckins } from '../../src/server/db/checkins-repo';
import { findCheckpointByCode, setCheckpointStatus } from '../../src/server/db/checkpoints-repo';
import { loadPosterSigner, type PosterSigner } from '../../src/server/services/poster-signing';
import type { Checkpoint } from '../../src/server/domain/types';
import { T0, cardCheckIn, push, pushBody, startTestServer, type TestServer } from './helpers';
import { createAccount, signIn } from './console-helpers';
import { TRACING_API } from '../../src/shared/tracing-api';

let s: TestServer;
let signer: PosterSigner;
let visitorToken: string;

beforeEach(async () => {
  s = await startTestServer();
  signer = await loadPosterSigner(s.db, 'http://district.test', s.clock.now);
  const res = await s.app.inject({ method: 'POST', url: API.visitorRegister, payload: { appVersion: '0.1.0' } });
  visitorToken = res.json<VisitorRegisterResponse>().token;
});
afterEach(async () => {
  await s.close();
});

/** A self check-in of Nguyễn Thị Hoa at a checkpoint, proven by that checkpoint's signed poster. */
function selfCheckIn(
  cp: Pick<Checkpoint, 'id' | 'code' | 'name'>,
  overrides: Partial<CheckIn> = {},
  t?: number,
): CheckIn {
  const poster = signer.sign({ code: cp.code, checkpointId: cp.id, name: cp.name, ...(t === undefined ? {} : { t }) });
  return {
    id: uuidv7(),
    checkpointId: cp.id,
    kind: 'in',
    source: 'self',
    deviceTime: T0 - 60_000,
    person: { name: 'Nguyễn Thị Hoa', birthYear: 1987, gender: 'female', visitorId: 'k3m9q2x7zt' },
    declaration: { version: 1, date: '2026-11-28', answers: { fever: false, consent: true } },
    proof: {
      code: poster.code,
      name: poster.name,
      sig: poster.sig,
      ...(poster.t === undefined ? {} : { t: poster.t }),
    },
    ...overrides,
  };
}

async function pushAs(token: string, items: unknown[]) {
  const res = await push(s.app, token, pushBody(items));
  expect(res.statusCode).toBe(200);
  return res.json<PushResponse>();
}

describe('push from a visitor phone', () => {
  it('stores a self check-in proven by the poster, once, with the declaration', async () => {
    const item = selfCheckIn(s.checkpoint);
    const first = await pushAs(visitorToken, [item]);
    expect(first.results).toEqual([{ id: item.id, status: 'accepted' }]);
    const again = await pushAs(visitorToken, [item]);
    expect(again.results).toEqual([{ id: item.id, status: 'duplicate' }]);

    const stored = await listAllCheckins(s.db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      checkpointId: s.checkpoint.id,
      source: 'self',
      person: { name: 'Nguyễn Thị Hoa', visitorId: 'k3m9q2x7zt' },
      declaration: { version: 1, answers: { fever: false, consent: true } },
    });
  });

  it('accepts a household checked in together and a check-out carrying the same proof', async () => {
    const groupId = uuidv7();
    const mother = selfCheckIn(s.checkpoint, { groupId });
    const child = selfCheckIn(s.checkpoint, { groupId, person: { name: 'Trần Minh Khang', birthYear: 2016 } });
    const out = selfCheckIn(s.checkpoint, { kind: 'out', ref: mother.id, deviceTime: T0 - 10_000 });
    const res = await pushAs(visitorToken, [mother, child, out]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect((await listAllCheckins(s.db)).filter((c) => c.groupId === groupId)).toHaveLength(2);
  });

  it('rejects forged, altered and mismatched proofs with a clear reason, and stores none of them', async () => {
    const other =
      (await findCheckpointByCode(s.db, 'TS-HT-001')) ??
      (await s.db
        .selectFrom('checkpoints')
        .select(['id', 'code', 'name'])
        .where('id', '!=', s.checkpoint.id)
        .executeTakeFirstOrThrow());
    const good = selfCheckIn(s.checkpoint);
    const renamed = { ...good, id: uuidv7(), proof: { ...good.proof!, name: 'Chốt giả' } };
    const moved = { ...good, id: uuidv7(), checkpointId: other.id };
    const wrongCode = selfCheckIn({ ...s.checkpoint, code: other.code });
    const sig = good.proof!.sig;
    const badSig = {
      ...good,
      id: uuidv7(),
      proof: { ...good.proof!, sig: (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1) },
    };
    const noProof = { ...good, id: uuidv7(), proof: undefined };
    const guardStyle = { ...good, id: uuidv7(), source: 'cccd' as const };
    const unknownCp = selfCheckIn({ id: 'cp-nowhere', code: 'TS-XX-999', name: 'Không có' });

    const res = await pushAs(visitorToken, [renamed, moved, wrongCode, badSig, noProof, guardStyle, unknownCp]);
    const reasons = res.results.map((r) => `${r.status} ${r.reason?.split(':')[0]}`);
    expect(reasons).toEqual([
      'rejected invalid_proof',
      'rejected invalid_proof',
      'rejected invalid_proof',
      'rejected invalid_proof',
      'rejected missing_proof',
      'rejected not_self_checkin',
      'rejected unknown_checkpoint',
    ]);
    expect(await listAllCheckins(s.db)).toHaveLength(0);
  });

  it('rejects a check-in at a closed checkpoint and an expired door-screen code', async () => {
    const minute = Math.floor(T0 / 60_000);
    const fresh = selfCheckIn(s.checkpoint, {}, minute);
    const stale = selfCheckIn(s.checkpoint, { deviceTime: T0 - 60_000 }, minute - 30);
    const res1 = await pushAs(visitorToken, [fresh, stale]);
    expect(res1.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(res1.results[1]?.reason).toMatch(/^invalid_proof/);

    await setCheckpointStatus(s.db, s.checkpoint.id, 'closed');
    const res2 = await pushAs(visitorToken, [selfCheckIn(s.checkpoint)]);
    expect(res2.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^checkpoint_closed/) });
    expect((await listAllCheckins(s.db)).map((c) => c.id)).toEqual([fresh.id]);
  });

  it('leaves guard devices on their own rules: their checkpoint only, any source, no proof needed', async () => {
    const guard = await s.enrol();
    const scanned = selfCheckIn(s.checkpoint, { source: 'visitor_qr', proof: undefined });
    const elsewhere = await s.db
      .selectFrom('checkpoints')
      .select(['id', 'code', 'name'])
      .where('id', '!=', s.checkpoint.id)
      .executeTakeFirstOrThrow();
    const res = await pushAs(guard.token, [scanned, selfCheckIn(elsewhere)]);
    expect(res.results.map((r) => `${r.status} ${r.reason?.split(':')[0] ?? ''}`.trim())).toEqual([
      'accepted',
      'rejected wrong_checkpoint',
    ]);
  });
});

describe("a visitor's claim about someone a guard scanned", () => {
  it("never replaces the name and phone the guard scanned in the tracer's search, and stands for a key no guard saw", async () => {
    const guard = await s.enrol();
    const scanned = { name: 'Hoàng Văn Gốc', idNumber: '038233093569', phone: '0911000002' };
    const card = cardCheckIn(guard.checkpoint.id, scanned, T0 - 50 * 60_000);
    expect((await push(s.app, guard.token, pushBody([card]))).json<PushResponse>().results[0]?.status).toBe('accepted');
    const impostor = { name: 'Khách Mạo Danh', idNumber: '038233093569', phone: '0900000333', address: 'Giả' };
    const alone = { name: 'Trần Thị Riêng', idNumber: '038233093570', phone: '0900000444' };
    const claims = [
      selfCheckIn(s.checkpoint, { person: impostor, deviceTime: T0 - 10 * 60_000 }),
      selfCheckIn(s.checkpoint, { person: alone, deviceTime: T0 - 10 * 60_000 }),
    ];
    expect((await pushAs(visitorToken, claims)).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    await createAccount(s.db, 'truyvet', 'tracer');
    const tracer = await signIn(s.app, 'truyvet');
    const found = async (id: string) => {
      const res = await tracer.request('GET', `${TRACING_API.persons}?id=${id}`);
      expect(res.headers['cache-control']).toBe('no-store'); // personal data: no cache keeps a copy
      return res.json<{ persons: { name: string; phone: string | null; visits: number }[] }>().persons;
    };
    expect(await found('038233093569')).toMatchObject([{ name: 'Hoàng Văn Gốc', phone: '0911000002', visits: 2 }]);
    expect(await found('038233093570')).toMatchObject([{ name: 'Trần Thị Riêng', phone: '0900000444', visits: 1 }]);
  });
});
