/**
 * The compiled server (issue 13): `dist-server/cli.js` run by plain `node`, no TypeScript at run time;
 * the district's `requeue-rejected` command that puts rejected forwards back in the queue; and the
 * bundled unseal worker thread opening a push of sealed check-ins.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIns, seededDataDir } from './helpers';
import { API, type PushResponse } from '../../src/shared/protocol';
import { sealCheckIn } from '../../src/shared/sealed/seal-item';
import { enrolKeyed, signedPushHeaders } from '../support/device-key';
import { runCli } from '../support/server-cli';
import { createEnrolLink, readCheckins, removeDataDir, startServerProcess } from '../support/server-process';

const node = runCli;

let dir: string;
beforeEach(async () => {
  dir = await seededDataDir('tram-qr-compiled-');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('compiled server', () => {
  it('prints its usage from the bundle with node', { timeout: 30_000 }, async () => {
    const { stdout } = await node('--help');
    expect(stdout).toContain('usage: node dist-server/cli.js <command>');
    expect(stdout).toContain('requeue-rejected');
  });

  it('requeue-rejected clears the rejected flag of every forward and says how many', { timeout: 30_000 }, async () => {
    const file = join(dir, 'checkpoints.sqlite');
    const sqlite = new BetterSqlite3(file);
    const insert = sqlite.prepare(
      'insert into forward_outbox (checkin_id, queued_at, rejected_at, reject_reason) values (?, ?, ?, ?)',
    );
    insert.run('a', 1, 5, 'bad_item: person');
    insert.run('b', 2, 6, 'bad_item: time');
    insert.run('c', 3, null, null);
    sqlite.close();

    const { stdout } = await node('requeue-rejected', '--data', dir);
    expect(stdout).toContain('re-queued 2 rejected check-in(s)');

    const check = new BetterSqlite3(file, { readonly: true });
    const rows = check
      .prepare('select checkin_id, rejected_at, reject_reason from forward_outbox order by checkin_id')
      .all();
    check.close();
    expect(rows).toEqual([
      { checkin_id: 'a', rejected_at: null, reject_reason: null },
      { checkin_id: 'b', rejected_at: null, reject_reason: null },
      { checkin_id: 'c', rejected_at: null, reject_reason: null },
    ]);
  });
});

describe('compiled server opening sealed check-ins', () => {
  it('opens a push of sealed check-ins on its worker threads and stores them once', { timeout: 60_000 }, async () => {
    const server = await startServerProcess({ env: { UNSEAL_THREADS: '2' } });
    try {
      expect(server.output()).toContain('sealed check-ins open on 2 worker thread(s)');
      const link = await createEnrolLink(server.dataDir, 'TS-DL-001', server.url);
      const device = await enrolKeyed(server.url, link.split('#')[1]!);
      const districtKey = device.districtKey!;
      const plain = checkIns(device.checkpoint.id, 150);
      const items = [];
      for (const [i, checkIn] of plain.entries()) {
        const item = await sealCheckIn(districtKey, checkIn, 'compiled1');
        // Every tenth item's time is changed after sealing: the additional data no longer matches.
        items.push(i % 10 === 4 ? { ...item, deviceTime: item.deviceTime + 1 } : item);
      }
      const body = JSON.stringify({
        protocol: 2,
        epoch: 'compiled1',
        sentAt: Date.now(),
        appVersion: 'test',
        pending: 150,
        items,
      });
      const res = await fetch(new URL(API.push, server.url), {
        method: 'POST',
        headers: await signedPushHeaders(device, body),
        body,
      });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as PushResponse;
      const refused = answer.results.filter((r) => r.status === 'rejected');
      expect(refused.map((r) => r.id)).toEqual(plain.filter((_, i) => i % 10 === 4).map((c) => c.id));
      expect(refused.every((r) => r.reason?.startsWith('unseal_failed'))).toBe(true);
      await server.stop();
      const stored = await readCheckins(server.dataDir);
      const expected = plain.filter((_, i) => i % 10 !== 4);
      expect(stored.map((row) => [row.id, row.person.name]).sort()).toEqual(
        expected.map((c) => [c.id, c.person.name]).sort(),
      );
      // A worker that could not start or stopped would have said so, and its boxes opened on the main thread.
      expect(server.output()).not.toContain('unseal thread');
    } finally {
      await server.stop();
      removeDataDir(server.dataDir);
    }
  });
});
