import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type EnrolResponse, type PushResponse } from '../../src/shared/protocol';
import { buildApp } from '../../src/server/app';
import { runCli } from '../support/server-cli';
import { createEnrolLink } from '../support/server-process';
import { checkIns, enrolSigned, push, pushBody, seededDataDir } from './helpers';

const cli = runCli;

let dir: string;
beforeEach(async () => {
  dir = await seededDataDir('tram-qr-cli-');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI', () => {
  it('enrol-link prints a working one-time link with the code in the fragment', { timeout: 30_000 }, async () => {
    const link = await createEnrolLink(dir, 'TS-HT-001', 'https://ts.example.vn');
    const match = link.match(/^https:\/\/ts\.example\.vn\/enrol#([a-z2-7]{32})$/);
    expect(match).not.toBeNull();

    const app = await buildApp({ dbFile: join(dir, 'checkpoints.sqlite'), publicUrl: 'https://ts.example.vn' });
    try {
      const res = await app.inject({
        method: 'POST',
        url: API.enrol,
        payload: { code: match?.[1], appVersion: '0.1.0' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<EnrolResponse>().checkpoint.name).toBe('Trạm Y tế xã Hợp Thành');
    } finally {
      await app.close();
    }
  });

  it(
    'district-key creates and rotates key files only the server user reads; the next start hands devices the new key',
    { timeout: 60_000 },
    async () => {
      const keyDir = join(dir, 'district-keys');
      expect((await cli('district-key', 'list', '--data', dir)).stdout).toContain('no district key');
      const kidOf = (out: string) => /new district key (\S+)/.exec(out)?.[1];
      const first = kidOf((await cli('district-key', 'create', '--data', dir)).stdout);
      expect((await cli('district-key', 'create', '--data', dir)).stdout).toContain('already holds a district key');
      const rotated = (await cli('district-key', 'rotate', '--data', dir)).stdout;
      expect(rotated).toContain('restart');
      const second = kidOf(rotated);
      expect(first).toBeTruthy();
      expect(second).toBeTruthy();
      expect(second).not.toBe(first);
      const listed = (await cli('district-key', 'list', '--data', dir)).stdout.trim().split('\n');
      expect(listed.map((line) => line.split('\t')[0])).toEqual([second, first]);
      expect(listed[0]).toContain('current');
      expect(listed[1]).toContain('old (still opens queued items)');
      expect(statSync(keyDir).mode & 0o777).toBe(0o700);
      for (const file of readdirSync(keyDir)) expect(statSync(join(keyDir, file)).mode & 0o777).toBe(0o600);
      await expect(cli('district-key', 'burn', '--data', dir)).rejects.toMatchObject({ code: 2 });

      const app = await buildApp({ dbFile: join(dir, 'checkpoints.sqlite'), publicUrl: 'https://ts.example.vn' });
      try {
        const link = await createEnrolLink(dir, 'TS-DL-001', 'https://ts.example.vn');
        expect((await enrolSigned(app, link.split('#')[1]!)).districtKey?.kid).toBe(second);
      } finally {
        await app.close();
      }
    },
  );

  it('enrol-link fails with exit code 1 for an unknown checkpoint', { timeout: 30_000 }, async () => {
    await expect(cli('enrol-link', '--checkpoint', 'XX-000', '--data', dir)).rejects.toMatchObject({ code: 1 });
  });

  it('backup writes a database that opens and holds the check-ins', { timeout: 30_000 }, async () => {
    const dbFile = join(dir, 'checkpoints.sqlite');
    const app = await buildApp({ dbFile, publicUrl: 'http://localhost' });
    let ids: string[];
    try {
      const link = await createEnrolLink(dir, 'TS-DL-001', 'http://localhost');
      const { token, checkpoint } = await enrolSigned(app, link.split('#')[1]!);
      const items = checkIns(checkpoint.id, 20);
      ids = items.map((i) => i.id);
      const res = await push(app, token, pushBody(items, { sentAt: Date.now() }));
      expect(res.json<PushResponse>().results.every((r) => r.status === 'accepted')).toBe(true);

      // While the server still holds the database open.
      const out = join(dir, 'backups', 'copy.sqlite');
      const { stdout } = await cli('backup', '--data', dir, '--out', out);
      expect(stdout).toMatch(/^backup written: .*copy\.sqlite \(\d+ pages\)$/m);

      const copy = new BetterSqlite3(out, { readonly: true, fileMustExist: true });
      try {
        const rows = copy.prepare('SELECT id, name FROM checkins ORDER BY id').all() as { id: string; name: string }[];
        expect(rows.map((r) => r.id)).toEqual([...ids].sort());
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        copy.close();
      }
    } finally {
      await app.close();
    }
  });

  it('migrate reports an up-to-date database', { timeout: 30_000 }, async () => {
    const { stdout } = await cli('migrate', '--data', dir);
    expect(stdout.trim()).toBe('database is up to date');
  });
});
