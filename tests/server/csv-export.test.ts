/**
 * One CSV writer for the whole server (issue 11): the dashboard export and the trace export both
 * defuse cells a spreadsheet would run as a formula, and export +84… phone numbers as text.
 * The tests read the exported files.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn, Person } from '../../src/shared/protocol';
import { TRACING_API } from '../../src/shared/tracing-api';
import { createAccount, signIn, type ConsoleClient } from './console-helpers';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

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

/** The cells of a CSV line (our writer quotes only cells with , " ; or line breaks). */
const cells = (line: string): string[] =>
  line
    .match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!
    .map((c) => c.replace(/,$/, ''))
    .filter((_, i, all) => i < all.length - 1 || all[i] !== '');

describe('CSV exports', () => {
  it('dashboard: a contact name built as a formula and a +84 phone come out as text', async () => {
    const put = await admin.request('PUT', `/api/admin/checkpoints/${s.checkpoint.id}`, {
      name: 'UBND xã Dân Lực',
      type: 'office',
      address: 'Xã Dân Lực',
      contactName: "-1+1+cmd|' /C calc'!A0",
      contactPhone: '+84912345601',
      openingHours: null,
      defaultStayMin: 60,
    });
    expect(put.statusCode).toBe(200);
    const csv = (await admin.request('GET', '/api/admin/dashboard/export/silent')).body;
    const line = csv.split('\r\n').find((l) => l.startsWith('TS-DL-001,'))!;
    expect(line).toContain(",'-1+1+cmd|' /C calc'!A0,'+84912345601,");
  });

  it('trace export: names and phones starting with = + - @ are defused', async () => {
    const guard = await s.enrol('TS-DL-001');
    const at = Date.UTC(2026, 10, 27, 2);
    const visit = (person: Person, time: number): CheckIn => ({
      id: uuidv7(),
      checkpointId: guard.checkpoint.id,
      kind: 'in',
      source: 'cccd',
      deviceTime: time,
      person,
    });
    const items = [
      visit({ name: 'Nguyễn Văn Án', idNumber: '038095000001', phone: '0912000001' }, at),
      visit(
        { name: '=HYPERLINK("http://x.example","Bấm")', idNumber: '038095000002', phone: '+84912000002' },
        at + 10 * 60_000,
      ),
      visit({ name: '@SUM(1+1)', idNumber: '038095000003', phone: '0912000003', address: '-2+3' }, at + 20 * 60_000),
    ];
    expect((await push(s.app, guard.token, pushBody(items, { sentAt: T0 }))).statusCode).toBe(200);
    await createAccount(s.db, 'truyvet', 'tracer');
    const tracer = await signIn(s.app, 'truyvet');
    const res = await tracer.request('POST', TRACING_API.export, {
      personKeys: ['cccd:038095000001'],
      from: at - 3_600_000,
      to: at + 10 * 3_600_000,
      bufferMin: 15,
      format: 'csv',
      part: 'contacts',
      ring: 'f1',
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const byId = new Map(lines.slice(1).map((l) => [cells(l)[2], cells(l)]));
    expect(byId.get('038095000002')).toEqual(
      expect.arrayContaining([`"'=HYPERLINK(""http://x.example"",""Bấm"")"`, "'+84912000002"]),
    );
    expect(byId.get('038095000003')).toEqual(expect.arrayContaining(["'@SUM(1+1)", "'-2+3"]));
    for (const row of lines.slice(1).map(cells)) for (const cell of row) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
  });
});
