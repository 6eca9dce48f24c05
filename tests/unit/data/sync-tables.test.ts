/**
 * Device schema 3: check-in rows are immutable and their sync state lives in the `outbox` and
 * `rejected` tables. The upgrade from schema 2 must keep every queue and every refusal; reading and
 * settling batches must stay exact when the outbox is not one contiguous run.
 */
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AppDb,
  appDb,
  applyPushResults,
  getCheckIn,
  listNeedsAttention,
  listSince,
  pendingCount,
  purgeSyncedBefore,
  readPendingBatch,
  saveCheckIns,
  useDatabase,
  listProfiles,
} from '../../../src/client/data';
import { makeCheckIn } from '../../support/make-checkin';

/** The device database exactly as schema version 3 (the last before sealing) declared it. */
class AppDbV3 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ checkins: 'id, [sync+id], deviceTime, checkpointId', meta: 'key' });
    this.version(2).stores({ profiles: 'id', declarations: '[profileId+date], date' });
    this.version(3).stores({ checkins: 'id, deviceTime, checkpointId', outbox: 'id', rejected: 'id' });
  }
}

/** The device database exactly as schema version 2 declared it. */
class AppDbV2 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ checkins: 'id, [sync+id], deviceTime, checkpointId', meta: 'key' });
    this.version(2).stores({ profiles: 'id', declarations: '[profileId+date], date' });
  }
}

let n = 0;
beforeEach(() => useDatabase(new AppDb(`sync-tables-${++n}`)));

describe('upgrade from device schema 2', () => {
  it('keeps the queue pending, refusals in needs attention and sent ones synced', async () => {
    const name = `upgrade-${++n}`;
    const [pendingA, synced, rejected, pendingB] = [makeCheckIn(0), makeCheckIn(1), makeCheckIn(2), makeCheckIn(3)];
    const old = new AppDbV2(name);
    await old.table('checkins').bulkAdd([
      { ...pendingA, sync: 0, savedAt: 10 },
      { ...synced, sync: 1, savedAt: 11, syncedAt: 500 },
      { ...rejected, sync: 2, savedAt: 12, rejectReason: 'invalid_checkin: person.birthYear' },
      { ...pendingB, sync: 0, savedAt: 13 },
    ]);
    await old
      .table('profiles')
      .add({ id: 'ABCDEFGHJK', self: true, createdAt: 1, person: { name: 'Lê Thị Bình', birthYear: 1990 } });
    old.close();

    useDatabase(new AppDb(name));
    expect(await pendingCount()).toBe(2);
    const batch = await readPendingBatch(10);
    expect(batch.items).toEqual([pendingA, pendingB]);
    expect(batch.items.every((item) => !('sync' in item) && !('savedAt' in item))).toBe(true);
    expect((await listNeedsAttention()).map((c) => [c.checkIn.id, c.reason])).toEqual([
      [rejected.id, 'invalid_checkin: person.birthYear'],
    ]);
    expect((await getCheckIn(synced.id))?.status).toBe('synced');
    expect((await getCheckIn(pendingA.id))?.status).toBe('pending');
    expect((await listProfiles()).map((p) => p.person.name)).toEqual(['Lê Thị Bình']);
  });
});

describe('upgrade from device schema 3 (plain check-ins, before sealing)', () => {
  it("sends the queued protocol-1 items unchanged, strips what the server has, keeps only today's names", async () => {
    const name = `upgrade-v3-${++n}`;
    const now = Date.now();
    const queuedToday = makeCheckIn(0, { deviceTime: now - 60_000 });
    const syncedToday = makeCheckIn(1, { deviceTime: now - 120_000 });
    const queuedOld = makeCheckIn(2, { deviceTime: now - 3 * 86_400_000 });
    const old = new AppDbV3(name);
    await old.table('checkins').bulkAdd([
      { ...queuedToday, savedAt: now },
      { ...syncedToday, savedAt: now },
      { ...queuedOld, savedAt: now },
    ]);
    await old.table('outbox').bulkAdd([{ id: queuedToday.id }, { id: queuedOld.id }]);
    old.close();

    useDatabase(new AppDb(name));
    const raw = (id: string) => appDb().checkins.get(id) as Promise<Record<string, unknown> | undefined>;
    // Already on the server: nothing personal is left on the phone.
    expect(await raw(syncedToday.id)).not.toHaveProperty('person');
    // Still queued: sent exactly as they were recorded (protocol 1 items, no sealing after the fact).
    expect(await pendingCount()).toBe(2);
    expect((await readPendingBatch(10)).items).toEqual([queuedToday, queuedOld]);
    // Today's list keeps today's names, and only those.
    expect((await appDb().names.toArray()).map((r) => r.name).sort()).toEqual(
      [queuedToday.person.name, syncedToday.person.name].sort(),
    );
    // Once the server has answered, the sent rows lose their personal fields too.
    await applyPushResults(
      [queuedToday, queuedOld].map((c) => ({ id: c.id, status: 'accepted' as const })),
      now,
    );
    expect(await pendingCount()).toBe(0);
    for (const c of [queuedToday, queuedOld]) expect(await raw(c.id)).not.toHaveProperty('person');
  });
});

describe('outbox with gaps', () => {
  it('reads pending items in id order across long runs of sent ones', async () => {
    const items = Array.from({ length: 120 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    // Everything but a few scattered items has been acknowledged.
    const keep = new Set([0, 1, 57, 58, 119]);
    await applyPushResults(
      items.filter((_, i) => !keep.has(i)).map((c) => ({ id: c.id, status: 'accepted' as const })),
      1,
    );
    const batch = await readPendingBatch(3);
    expect(batch.pending).toBe(5);
    expect(batch.items.map((c) => c.id)).toEqual([0, 1, 57].map((i) => items[i]!.id));
    const rest = await readPendingBatch(3, items[57]!.id);
    expect(rest.items.map((c) => c.id)).toEqual([58, 119].map((i) => items[i]!.id));
  });

  it('settles only the answered items when the server skips one in the middle', async () => {
    const items = Array.from({ length: 6 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    const answer = await applyPushResults(
      [
        { id: items[0]!.id, status: 'accepted' },
        { id: items[1]!.id, status: 'duplicate' },
        { id: items[3]!.id, status: 'rejected', reason: 'checkpoint_closed' },
        { id: items[5]!.id, status: 'accepted' },
      ],
      7,
    );
    expect(answer).toEqual({ cleared: 3, rejected: 1 });
    expect((await readPendingBatch(10)).items.map((c) => c.id)).toEqual([items[2]!.id, items[4]!.id]);
    const statuses = await Promise.all(items.map(async (c) => (await getCheckIn(c.id))?.status));
    expect(statuses).toEqual(['synced', 'synced', 'pending', 'rejected', 'pending', 'synced']);
  });

  it('purges only old synced check-ins, never pending or refused ones', async () => {
    const items = Array.from({ length: 6 }, (_, i) => makeCheckIn(i));
    await saveCheckIns(items);
    await applyPushResults(
      [
        { id: items[0]!.id, status: 'accepted' },
        { id: items[1]!.id, status: 'rejected', reason: 'bad' },
        { id: items[4]!.id, status: 'accepted' },
      ],
      7,
    );
    // Items 0–3 are "old"; of those only item 0 is synced.
    expect(await purgeSyncedBefore(items[4]!.deviceTime)).toBe(1);
    const left = await listSince(0);
    expect(left.map((c) => [c.checkIn.id, c.status])).toEqual([
      [items[5]!.id, 'pending'],
      [items[4]!.id, 'synced'],
      [items[3]!.id, 'pending'],
      [items[2]!.id, 'pending'],
      [items[1]!.id, 'rejected'],
    ]);
    expect(await pendingCount()).toBe(3);
  });
});
