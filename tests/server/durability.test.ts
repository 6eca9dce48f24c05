import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { openSqlite } from '../../src/server/db/database';
import { checkIns, idsOnDisk, push, pushBody, startTestServer, type TestServer } from './helpers';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

describe('durability', () => {
  it('an accepted check-in is in the database file as soon as the answer arrives', async () => {
    const { token } = await s.enrol();
    const items = checkIns(s.checkpoint.id, 3);
    const res = await push(s.app, token, pushBody(items));
    expect(res.json<PushResponse>().results.every((r) => r.status === 'accepted')).toBe(true);

    expect(idsOnDisk(s.dbFile)).toEqual(items.map((i) => i.id).sort());
  });

  it('runs with WAL, synchronous=FULL and foreign keys on', async () => {
    const conn = new BetterSqlite3(s.dbFile, { readonly: true });
    try {
      expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      conn.close();
    }
    const server = openSqlite(s.dbFile);
    try {
      expect(server.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(server.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      server.close();
    }
  });
});
