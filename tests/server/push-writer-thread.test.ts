/**
 * The push writer thread (SQLite, `services/push-writes.ts`): pushes stored by a thread with its own connection
 * are on disk when answered, other connections' write transactions still succeed while it commits, and a thread
 * that stops loses nothing acknowledged and is replaced.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { claimProofId, findDeviceById } from '../../src/server/db/devices-repo';
import { insertCheckpoint } from '../../src/server/db/checkpoints-repo';
import { PushStoreUnavailable, inlinePushWrites, threadPushWrites } from '../../src/server/services/push-writes';
import { describeError } from '../../src/server/http/errors';
import type { FastifyError } from 'fastify';
import { checkIns, idsOnDisk, push, pushBody, startTestServer, T0, type TestServer } from './helpers';
import { onPostgres } from './test-db';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe.skipIf(onPostgres)('push writer thread (SQLite)', () => {
  it('stores concurrent pushes once each, on disk when answered, with the device report', async () => {
    s = await startTestServer({ writerThread: true });
    const server = s;
    const { token, deviceId } = await server.enrol();
    const batches = [0, 1, 2, 3].map((b) => checkIns(server.checkpoint.id, 40, 100 + b));
    const answers = await Promise.all(
      batches.map((items) => push(server.app, token, pushBody(items, { pending: 40 }))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    for (const [b, answer] of answers.entries())
      expect(answer.json<PushResponse>().results).toEqual(batches[b]!.map((i) => ({ id: i.id, status: 'accepted' })));
    expect(idsOnDisk(server.dbFile)).toEqual(
      batches
        .flat()
        .map((i) => i.id)
        .sort(),
    );
    const again = await push(server.app, token, pushBody(batches[0]!));
    expect(again.json<PushResponse>().results.every((r) => r.status === 'duplicate')).toBe(true);
    const device = await findDeviceById(server.db, deviceId);
    expect(device?.lastSyncAt).toBe(T0);
    expect(device?.pendingReported).toBe(0);
  });

  it('answers a mixed push item for item as the request thread does: new, repeated within the push, a correction, refused', async () => {
    const answersOn = async (writerThread: boolean) => {
      const server = await startTestServer({ writerThread });
      try {
        const { token } = await server.enrol();
        const [a, b, other] = checkIns(server.checkpoint.id, 3, 51);
        const fix = { ...a!, id: '019ac9f0-6c00-7abc-8def-00000000f1c5', kind: 'fix' as const, ref: a!.id };
        const elsewhere = { ...other!, checkpointId: 'another-checkpoint' };
        const items = [a, b, a, fix, elsewhere, fix];
        const first = await push(server.app, token, pushBody(items));
        const again = await push(server.app, token, pushBody(items));
        const lines = (res: typeof first) =>
          res.json<PushResponse>().results.map((r) => `${r.status}${r.reason ? ` ${r.reason.split(':')[0]}` : ''}`);
        const corrections = await server.db.selectFrom('person_corrections').select('checkin_id').execute();
        return { first: lines(first), again: lines(again), rows: idsOnDisk(server.dbFile).length, corrections };
      } finally {
        await server.close();
      }
    };
    const inline = await answersOn(false);
    expect(inline.first).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
      'rejected wrong_checkpoint',
      'duplicate',
    ]);
    expect(inline.again).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'rejected wrong_checkpoint',
      'duplicate',
    ]);
    const threaded = await answersOn(true);
    expect({ ...threaded, corrections: threaded.corrections.length }).toEqual({
      ...inline,
      corrections: inline.corrections.length,
    });
    expect(threaded.rows).toBe(2);
    expect(threaded.corrections).toHaveLength(1);
  });

  it('stores through its own thread: a push waits out a write lock held longer than the request thread would wait', async () => {
    s = await startTestServer({ writerThread: true });
    const server = s;
    const { token } = await server.enrol();
    const items = checkIns(server.checkpoint.id, 5, 41);
    const holder = new BetterSqlite3(server.dbFile);
    holder.exec('BEGIN IMMEDIATE');
    // 6 s: past the request thread's busy timeout (5 s, where an inline push answers 503), within the thread's (30 s).
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        holder.exec('ROLLBACK');
        holder.close();
        resolve();
      }, 6_000),
    );
    const res = await push(server.app, token, pushBody(items));
    await released;
    expect(res.statusCode).toBe(200);
    expect(res.json<PushResponse>().results.map((r) => r.status)).toEqual(items.map(() => 'accepted'));
    expect(idsOnDisk(server.dbFile)).toEqual(items.map((i) => i.id).sort());
  }, 20_000);

  it('lets a transaction on another connection read, then write, while a push is on its way to the thread (transactions begin immediate)', async () => {
    s = await startTestServer({ writerThread: true });
    const server = s;
    const { token } = await server.enrol();
    // A first push, so that the thread has loaded (under tsx it takes a while) before the transaction.
    expect((await push(server.app, token, pushBody(checkIns(server.checkpoint.id, 1, 8)))).statusCode).toBe(200);
    const items = checkIns(server.checkpoint.id, 30, 9);
    let answered: Promise<{ statusCode: number }> | undefined;
    // s.db is a second connection, as the request thread's is to the writer thread's.
    await server.db.transaction().execute(async (trx) => {
      const before = await countCheckins(trx);
      answered = push(server.app, token, pushBody(items));
      // Meanwhile the push is judged and sent to the thread, which waits for this transaction's lock. With a deferred
      // BEGIN it would have committed in the meantime, and the write below would fail (SQLITE_BUSY: the file changed
      // after this transaction read it).
      await new Promise((resolve) => setTimeout(resolve, 150));
      await insertCheckpoint(trx, {
        id: 'cp-written-during-push',
        code: 'TS-DL-099',
        unitId: server.checkpoint.unitId,
        name: 'Chợ phiên',
        type: 'market',
        address: 'Thôn 1',
        contactName: null,
        contactPhone: null,
        defaultStayMin: 60,
        status: 'open',
        createdAt: T0,
      });
      expect(await countCheckins(trx)).toBe(before);
    });
    expect((await answered)?.statusCode).toBe(200);
    expect(idsOnDisk(server.dbFile)).toHaveLength(31);
  });

  it('a thread that stops: nothing it acknowledged is lost, its unanswered calls fail as unavailable, a new one takes over', async () => {
    s = await startTestServer();
    const { deviceId } = await s.enrol();
    const writes = threadPushWrites(s.dbFile);
    try {
      expect(await writes.claimProof(deviceId, 'first', T0)).toBe(true);
      expect(await writes.claimProof(deviceId, 'first', T0)).toBe(false);
      // Far more calls than the thread answers before it is stopped (16 to a commit, each commit an fsync).
      const jtis = Array.from({ length: 1_000 }, (_, i) => `jti-${i}`);
      const calls = jtis.map((jti) => writes.claimProof(deviceId, jti, T0));
      // Stopped with work under way: some calls answered, the rest in its queue or its open transaction.
      await calls[3];
      await writes.thread()?.terminate();
      const settled = await Promise.allSettled(calls);
      expect(settled.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(4);
      expect(settled.filter((o) => o.status === 'rejected').length).toBeGreaterThan(0);
      for (const outcome of settled) {
        if (outcome.status === 'fulfilled') expect(outcome.value).toBe(true);
        else expect(outcome.reason).toBeInstanceOf(PushStoreUnavailable);
      }
      // What the stopped thread acknowledged is stored: claiming it again is a replay.
      for (const [i, outcome] of settled.entries())
        if (outcome.status === 'fulfilled') expect(await claimProofId(s.db, deviceId, jtis[i]!, T0)).toBe(false);
      // No lock is left behind: this connection writes, and a new thread answers.
      expect(await claimProofId(s.db, deviceId, 'after-stop', T0)).toBe(true);
      expect(await writes.claimProof(deviceId, 'new-thread', T0)).toBe(true);
      expect(writes.thread()).not.toBeNull();
    } finally {
      await writes.close();
    }
    await expect(writes.claimProof(deviceId, 'after-close', T0)).rejects.toBeInstanceOf(PushStoreUnavailable);
  });

  it('hands over to the request thread when threads stop without ever answering (the thread cannot open the file)', async () => {
    s = await startTestServer();
    const { deviceId } = await s.enrol();
    const messages: string[] = [];
    // A directory where the file should be: the thread fails as it opens it.
    const writes = threadPushWrites(s.dir, {
      fallback: () => inlinePushWrites(s!.db),
      onFailure: (message) => messages.push(message),
    });
    try {
      const outcomes: string[] = [];
      let claimed = false;
      for (let attempt = 0; attempt < 3 && !claimed; attempt++) {
        claimed = await writes.claimProof(deviceId, 'handed-over', T0).then(
          (value) => value,
          (error: unknown) => {
            outcomes.push(error instanceof PushStoreUnavailable ? 'unavailable' : String(error));
            return false;
          },
        );
      }
      expect(claimed).toBe(true);
      expect(outcomes.every((o) => o === 'unavailable')).toBe(true);
      expect(messages.at(-1)).toContain('stored on the request thread');
      expect(await claimProofId(s.db, deviceId, 'handed-over', T0)).toBe(false);
    } finally {
      await writes.close();
    }
  });

  it('answers 503 store_unavailable with Retry-After, storing nothing, while another connection holds the write lock', async () => {
    s = await startTestServer();
    const { token } = await s.enrol();
    const items = checkIns(s.checkpoint.id, 5, 31);
    const holder = new BetterSqlite3(s.dbFile);
    holder.exec('BEGIN IMMEDIATE');
    let res;
    try {
      res = await push(s.app, token, pushBody(items)); // waits out the busy timeout (5 s) on this thread
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ error: 'store_unavailable' });
    expect(idsOnDisk(s.dbFile)).toEqual([]);
    // The lock gone, the same push goes in.
    expect((await push(s.app, token, pushBody(items))).json<PushResponse>().results.map((r) => r.status)).toEqual(
      items.map(() => 'accepted'),
    );
  }, 20_000);

  it('answers a push the stopped thread did not store 503 store_unavailable with Retry-After', () => {
    const answer = describeError(new PushStoreUnavailable('stopped') as unknown as FastifyError);
    expect(answer).toEqual({
      status: 503,
      body: { error: 'store_unavailable', message: expect.stringContaining('không mất lượt nào') },
      retryAfterS: 5,
    });
  });
});
