import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, type Questionnaire } from '../../src/shared/protocol';
import { listAudit } from '../../src/server/db/audit-repo';
import { importUnits, parseCsv } from '../../src/server/services/unit-import';
import { csvCell } from '../../src/server/http/csv';
import { startTestServer, type TestServer } from './helpers';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';

let s: TestServer;
let admin: ConsoleClient;
beforeEach(async () => {
  s = await startTestServer();
  await createAccount(s.db, 'admin', 'admin');
  admin = await signIn(s.app, 'admin');
});
afterEach(async () => {
  await s.close();
});

describe('questionnaire and settings editors', () => {
  it('saves a new questionnaire version that the next device sync picks up', async () => {
    const current = (await admin.request('GET', '/api/admin/questionnaire')).json<Questionnaire>();
    const extra = {
      id: 'visited_hospital',
      kind: 'yesno',
      group: 'exposure',
      label: { vi: 'Đã đến bệnh viện trong 14 ngày?', en: 'Visited a hospital in 14 days?' },
    };
    const saved = await admin.request('PUT', '/api/admin/questionnaire', {
      baseVersion: current.version,
      questions: [...current.questions, extra],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Questionnaire>().version).toBe(current.version + 1);

    const { token } = await s.enrol();
    const config = (
      await s.app.inject({ method: 'GET', url: API.deviceConfig, headers: { authorization: `Bearer ${token}` } })
    ).json<{ questionnaire: Questionnaire }>();
    expect(config.questionnaire.version).toBe(current.version + 1);
    expect(config.questionnaire.questions.at(-1)?.id).toBe('visited_hospital');

    const stale = await admin.request('PUT', '/api/admin/questionnaire', {
      baseVersion: current.version,
      questions: current.questions,
    });
    expect(stale.statusCode).toBe(409);
    const dup = await admin.request('PUT', '/api/admin/questionnaire', {
      baseVersion: current.version + 1,
      questions: [extra, extra],
    });
    expect(dup.statusCode).toBe(400);
    expect((await listAudit(s.db, 5))[0]?.action).toBe('questionnaire.save');
  });

  it('validates settings', async () => {
    expect((await admin.request('PUT', '/api/admin/settings', { retentionDays: 0 })).statusCode).toBe(400);
    const ok = await admin.request('PUT', '/api/admin/settings', { retentionDays: 21 });
    expect(ok.json()).toEqual({
      repeatWindowMin: 10,
      retentionDays: 21,
      declarationValidDays: 1,
      riskInstruction: '',
      healthPhone: '',
    });
  });
});

describe('unit CSV import', () => {
  it('creates new communes under the district and renames existing ones', async () => {
    const csv = '\uFEFFcode,name\r\nTS-DL,Xã Dân Lực (mới)\r\nTS-TV,"Xã Thọ Vực"\r\nTS-NUA,Thị trấn Nưa\r\n';
    const res = await admin.request('POST', '/api/admin/units/import', { csv });
    expect(res.json()).toEqual({ created: 1, renamed: 1, unchanged: 1 });
    const units = (await admin.request('GET', '/api/admin/units')).json<
      { code: string; name: string; level: string }[]
    >();
    expect(units.find((u) => u.code === 'TS-TV')).toMatchObject({ name: 'Xã Thọ Vực', level: 'commune' });
    expect(units.find((u) => u.code === 'TS-DL')?.name).toBe('Xã Dân Lực (mới)');
  });

  it('rejects a bad file with the line number and changes nothing', async () => {
    const res = await admin.request('POST', '/api/admin/units/import', {
      csv: 'code,name\nTS-A1,Xã A\nbad code!,Xã B\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('line 3');
    await expect(importUnits(s.db, 'name\nX')).rejects.toThrow(/code and name/);
    const units = (await admin.request('GET', '/api/admin/units')).json<{ code: string }[]>();
    expect(units.map((u) => u.code)).not.toContain('TS-A1');
  });

  it('parses quoted cells and defuses spreadsheet formulas on export', () => {
    expect(parseCsv('a,"b, ""c"""\n')).toEqual([['a', 'b, "c"']]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // Issue 11: a phone number in +84 form is exported as text, like every cell starting with + (see
    // csv-export.test.ts).
    expect(csvCell('+84 912 000 111')).toBe("'+84 912 000 111");
  });
});
