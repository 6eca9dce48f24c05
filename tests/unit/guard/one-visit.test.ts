/** One scan, one visit on the guard device: concurrent reads of one code, and typed entries matched. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDb, listSince, useDatabase } from '../../../src/client/data';
import { recordScan } from '../../../src/client/guard/record-scan';
import { recordManual } from '../../../src/client/guard/record-typed';
import { recordCorrection } from '../../../src/client/guard/record-fix';
import { summarizeToday } from '../../../src/client/guard/today-summary';
import { readPendingBatch } from '../../../src/client/data';

const AN = '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực|15082021';
const T0 = Date.UTC(2026, 10, 28, 1, 0, 0);
const ctx = (now: number) => ({ checkpointId: 'cp-1', repeatWindowMin: 10, now });

let n = 0;
beforeEach(() => useDatabase(new AppDb(`one-visit-${++n}`)));

describe('one scan, one visit', () => {
  it('saves one check-in when two loops read the same card 7 ms apart', async () => {
    const outcomes = await Promise.all([
      recordScan(AN, ctx(T0)),
      recordScan(AN, ctx(T0 + 7)),
      recordScan(AN, ctx(T0 + 9)),
    ]);
    expect(outcomes.map((o) => o.type).sort()).toEqual(['repeat', 'repeat', 'saved']);
    expect((await listSince(0)).map((l) => l.checkIn.kind)).toEqual(['in']);
  });

  it('offers check-out when the same person is typed again 27 minutes later, and saves nothing', async () => {
    const person = { name: 'Trịnh Văn Đức', birthYear: 1970, phone: '0912 345 678' };
    expect((await recordManual(person, 'cp-1', T0)).type).toBe('saved');
    const again = await recordManual(
      { name: 'trinh van duc', birthYear: 1970, phone: '0912345678' },
      'cp-1',
      T0 + 27 * 60_000,
    );
    expect(again.type).toBe('repeat');
    expect(await listSince(0)).toHaveLength(1);
  });

  it('matches a typed entry to the scanned card of the same person', async () => {
    await recordScan(AN, ctx(T0));
    const typed = await recordManual({ name: 'Nguyễn Văn An', idNumber: '038095001234' }, 'cp-1', T0 + 60_000);
    expect(typed.type).toBe('repeat');
  });

  it("queues a correction as its own item, shows the corrected name in today's list, and remembers an added phone", async () => {
    const saved = await recordScan('038070001111||Trnh Vn c|05051970|Nam|Thn 4|15082021', ctx(T0));
    if (saved.type !== 'saved') throw new Error('not saved');
    expect(saved.warnings).toContain('name_garbled');
    await recordCorrection(
      saved.checkIn,
      { ...saved.checkIn.person, name: 'Trịnh Văn Đức', phone: '0912345678' },
      T0 + 5000,
    );
    const { items } = await readPendingBatch(10);
    expect(items.map((c) => [c.kind, c.ref ?? null, 'person' in c ? c.person.name : 'sealed'])).toEqual([
      ['in', null, 'Trnh Vn c'],
      ['fix', saved.checkIn.id, 'Trịnh Văn Đức'],
    ]);
    const today = summarizeToday(await listSince(0), T0 + 6000);
    expect(today.rows.map((r) => r.arrival.checkIn.person.name)).toEqual(['Trịnh Văn Đức']);
    expect(today.total).toBe(1);
    await recordScan('038070001111||Trnh Vn c|05051970|Nam|Thn 4|15082021', ctx(T0 + 60_000)); // repeat
    const outcome = await recordScan('038070001111||Trnh Vn c|05051970|Nam|Thn 4|15082021', ctx(T0 + 30 * 60_000)); // leaves
    expect(outcome.type).toBe('checked_out');
    const back = await recordScan('038070001111||Trnh Vn c|05051970|Nam|Thn 4|15082021', ctx(T0 + 40 * 60_000));
    expect(back.type === 'saved' && back.checkIn.person.phone).toBe('0912345678');
  });
});
