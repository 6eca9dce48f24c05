import { beforeEach, describe, expect, it } from 'vitest';
import { AppDb, listSince, useDatabase } from '../../../src/client/data';
import { checkOut, checkOutEveryone, recordScan } from '../../../src/client/guard/record-scan';
import { recordCompanions } from '../../../src/client/guard/record-typed';

const AN = '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực|15082021';
const AN_NATIONAL = '******001234|NGUYEN VAN AN|1995-**-**|0|Q1|EXT';
const BINH = '038196004321||Lê Thị Bình|12031996|Nữ|Xóm 5|04102024';
const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);
const ctx = (now: number) => ({ checkpointId: 'cp-1', repeatWindowMin: 10, now });

let n = 0;
beforeEach(() => useDatabase(new AppDb(`guard-${++n}`)));

describe('recordScan', () => {
  it('checks a visitor in once, calls a second scan within the window a repeat, and a later one a departure', async () => {
    const first = await recordScan(AN, ctx(T0));
    expect(first.type).toBe('saved');
    const repeat = await recordScan(AN, ctx(T0 + 5 * 60_000));
    expect(repeat).toMatchObject({ type: 'repeat' });
    const leaving = await recordScan(AN, ctx(T0 + 45 * 60_000));
    expect(leaving.type).toBe('checked_out');
    const stored = (await listSince(0)).map((l) => l.checkIn);
    expect(stored.map((c) => c.kind).sort()).toEqual(['in', 'out']);
    const arrival = stored.find((c) => c.kind === 'in')!;
    expect(stored.find((c) => c.kind === 'out')).toMatchObject({
      ref: arrival.id,
      deviceTime: T0 + 45 * 60_000,
      source: 'cccd',
    });
    // After leaving, the next scan is a new arrival.
    expect((await recordScan(AN, ctx(T0 + 50 * 60_000))).type).toBe('saved');
  });

  it('matches a national QR (masked id) to the same person checked in with a CCCD', async () => {
    await recordScan(AN, ctx(T0));
    expect((await recordScan(AN_NATIONAL, ctx(T0 + 60_000))).type).toBe('repeat');
    expect((await recordScan(BINH, ctx(T0 + 60_000))).type).toBe('saved');
  });

  it('refuses a bank QR and stores nothing', async () => {
    const outcome = await recordScan('000201010212...VN6304ABCD', ctx(T0));
    expect(outcome).toMatchObject({ type: 'refused', message: 'scan.bank' });
    expect(await listSince(0)).toHaveLength(0);
  });

  it('checks out everyone still inside at closing time, companions included', async () => {
    const lead = await recordScan(AN, ctx(T0));
    if (lead.type !== 'saved') throw new Error('lead not saved');
    await recordCompanions(lead.checkIn, [{ name: 'Nguyễn Thị Bé', birthYear: 2019 }], T0 + 1000);
    await recordScan(BINH, ctx(T0 + 2000));
    expect(await checkOutEveryone(T0 + 3 * 3600_000)).toBe(3);
    expect(await checkOutEveryone(T0 + 3 * 3600_000 + 1)).toBe(0);
  });

  it('checks one companion out alone; the lead and the others stay inside', async () => {
    const lead = await recordScan(AN, ctx(T0));
    if (lead.type !== 'saved') throw new Error('lead not saved');
    const [be, na] = await recordCompanions(
      lead.checkIn,
      [
        { name: 'Nguyễn Thị Bé', birthYear: 2019 },
        { name: 'Nguyễn Văn Na', birthYear: 2017 },
      ],
      T0 + 1000,
    );
    expect((await checkOut(be!, T0 + 60_000)).type).toBe('checked_out');
    const outs = (await listSince(0)).map((l) => l.checkIn).filter((c) => c.kind === 'out');
    expect(outs.map((o) => o.ref)).toEqual([be!.id]);
    // A second tap saves nothing more; the lead's check-out takes only those still inside.
    await checkOut(be!, T0 + 61_000);
    await checkOut(lead.checkIn, T0 + 120_000);
    const after = (await listSince(0)).map((l) => l.checkIn).filter((c) => c.kind === 'out');
    expect(after.map((o) => o.ref).sort()).toEqual([be!.id, na!.id, lead.checkIn.id].sort());
  });
});

describe('device retention', () => {
  it('purges only synced check-ins older than the window, never pending or refused ones', async () => {
    const {
      applyPushResults,
      saveCheckIn,
      purgeSyncedBefore,
      listSince: list,
    } = await import('../../../src/client/data');
    const { makeCheckIn } = await import('../../support/make-checkin');
    const old = [makeCheckIn(0), makeCheckIn(1), makeCheckIn(2)].map((c) => ({
      ...c,
      deviceTime: T0 - 40 * 86_400_000,
    }));
    const recent = { ...makeCheckIn(3), deviceTime: T0 };
    for (const c of [...old, recent]) await saveCheckIn(c);
    await applyPushResults(
      [
        { id: old[0]!.id, status: 'accepted' },
        { id: old[1]!.id, status: 'rejected', reason: 'bad' },
        { id: recent.id, status: 'accepted' },
      ],
      T0,
    );
    expect(await purgeSyncedBefore(T0 - 28 * 86_400_000)).toBe(1);
    const left = (await list(0)).map((l) => l.checkIn.id).sort();
    expect(left).toEqual([old[1]!.id, old[2]!.id, recent.id].sort());
  });
});
