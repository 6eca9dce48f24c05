import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { listAudit } from '../../src/server/db/audit-repo';
import { openDatabase } from '../../src/server/db/database';
import { listUnits } from '../../src/server/db/units-repo';
import { runCliWithInput } from '../support/server-cli';
import { seededDataDir } from './helpers';

/** Runs the CLI with stdin; returns exit code and output. */
const cli = runCliWithInput;

let dir: string;
beforeEach(async () => {
  dir = await seededDataDir('tram-qr-console-cli-');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('console CLI', () => {
  it(
    'create-admin makes an account (password from stdin) that can sign in; officers need a commune',
    { timeout: 180_000 },
    async () => {
      const made = cli(
        'mat-khau-dai-1\n',
        'create-admin',
        '--username',
        'QuanTri',
        '--name',
        'Trần Văn Quản',
        '--data',
        dir,
      );
      expect(made).toMatchObject({ code: 0 });
      expect(made.out).toContain('created admin quantri');
      expect(made.out).not.toContain('mat-khau-dai-1');
      expect(cli('mat-khau-dai-1\n', 'create-admin', '--username', 'quantri', '--data', dir).code).toBe(1);
      expect(cli('ngan\n', 'create-admin', '--username', 'other', '--data', dir).code).toBe(1);
      // Long enough but among the most used passwords (zxcvbn-ts): refused, with the reason in Vietnamese.
      const weak = cli('1234567890\n', 'create-admin', '--username', 'other', '--data', dir);
      expect(weak.code).toBe(1);
      expect(weak.out).toContain('Mật khẩu này quá dễ đoán');
      expect(weak.out).toContain('một trăm mật khẩu bị dùng nhiều nhất');
      expect(
        cli('mat-khau-dai-2\n', 'create-admin', '--username', 'canbo', '--role', 'officer', '--data', dir).code,
      ).toBe(1);
      expect(
        cli(
          'mat-khau-dai-2\n',
          'create-admin',
          '--username',
          'canbo',
          '--role',
          'officer',
          '--unit',
          'TS-DL',
          '--data',
          dir,
        ).code,
      ).toBe(0);

      const app = await buildApp({ dbFile: join(dir, 'checkpoints.sqlite'), publicUrl: 'http://localhost:8080' });
      try {
        const admin = await app.inject({
          method: 'POST',
          url: '/api/admin/login',
          payload: { username: 'quantri', password: 'mat-khau-dai-1' },
        });
        expect(admin.json()).toMatchObject({ user: { role: 'admin', displayName: 'Trần Văn Quản' } });
        const officer = await app.inject({
          method: 'POST',
          url: '/api/admin/login',
          payload: { username: 'canbo', password: 'mat-khau-dai-2' },
        });
        expect(officer.json().user).toMatchObject({ role: 'officer', unitId: expect.any(String) });
      } finally {
        await app.close();
      }
    },
  );

  it('import-communes adds and renames communes from a CSV file, and audits it', { timeout: 30_000 }, async () => {
    const file = join(dir, 'xa.csv');
    writeFileSync(file, '\uFEFFcode,name\nTS-TV,Xã Thọ Vực\nTS-DL,Xã Dân Lực\n');
    const r = cli('', 'import-communes', '--file', file, '--data', dir);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('1 created, 0 renamed, 1 unchanged');
    writeFileSync(file, 'code\nX\n');
    expect(cli('', 'import-communes', '--file', file, '--data', dir).code).toBe(1);

    const db = openDatabase(join(dir, 'checkpoints.sqlite'));
    try {
      expect((await listUnits(db)).find((u) => u.code === 'TS-TV')).toMatchObject({
        name: 'Xã Thọ Vực',
        level: 'commune',
      });
      expect((await listAudit(db, 5)).map((e) => e.action)).toContain('unit.import');
    } finally {
      await db.destroy();
    }
  });
});
