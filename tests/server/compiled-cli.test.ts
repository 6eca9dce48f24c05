/**
 * The compiled server (issue 13): `dist-server/cli.js` run by plain `node`, no TypeScript at run time;
 * and the district's `requeue-rejected` command that puts rejected forwards back in the queue.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededDataDir } from './helpers';

const run = promisify(execFile);
const node = (...args: string[]) => run(process.execPath, ['dist-server/cli.js', ...args]);

let dir: string;
beforeAll(async () => {
  await run(process.execPath, ['scripts/build-server.mjs']);
}, 60_000);
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
