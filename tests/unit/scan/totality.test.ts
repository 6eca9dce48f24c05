import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { PersonSchema } from '../../../src/shared/protocol';
import { isCompleteCccdPayload, parseCccd } from '../../../src/shared/scan/cccd';
import { classifyScan } from '../../../src/shared/scan/classify';
import { parseNationalQr } from '../../../src/shared/scan/national';
import type { ScanResult } from '../../../src/shared/scan/types';
import { parseVisitorCode } from '../../../src/shared/scan/visitor-code';

const PARSERS: Record<string, (text: string) => ScanResult> = {
  classifyScan: (t) => classifyScan(t),
  parseCccd,
  parseNationalQr,
  parseVisitorCode,
};

const VALID = [
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021',
  '038095001234||Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021',
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|04102024||||',
  '038195001234|Trần Thị Bình|07/03/1995|Nữ|Thọ Dân|15/08/2021',
  '******001234|NGUYEN VAN AN|1995-**-**|0|Q1234567890|Q98<1<DN438<09*****678<MEUCIQ',
  'TQ1:0a1b2c3d4e|Nguyễn Văn An|19950101|M|0912345678|038095001234|Thôn 3, Xã Dân Lực|20210815.3.25',
  'TQ2:0A1B2C3D4E-:KVA%N AN-19950101-M-0912345678-038095001234-:43: :1DAAN LU%.C-20210815.3.25',
];

/** Checks the totality contract on one result: a known kind, and a schema-valid person when there is one. */
function checkResult(r: ScanResult): void {
  expect(['visitor', 'cccd', 'national', 'poster', 'enrol', 'url', 'bank', 'unknown']).toContain(r.kind);
  if ('person' in r) {
    const parsed = v.safeParse(PersonSchema, r.person);
    expect(parsed.success, JSON.stringify(r)).toBe(true);
    // The schema trims; a parser must already hand out trimmed values.
    if (parsed.success) expect(parsed.output).toEqual(r.person);
  }
  if (r.kind === 'national') expect(r.ext.length).toBeLessThanOrEqual(500);
  if (r.kind === 'cccd' && r.issueDate !== null) expect(r.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

function checkAll(text: string): void {
  for (const parse of Object.values(PARSERS)) checkResult(parse(text));
  expect(typeof isCompleteCccdPayload(text)).toBe('boolean');
}

type Mutation = { op: 'replace'; at: number; value: string } | { op: 'delete' | 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: fc.string({ unit: 'binary', maxLength: 40 }) }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.constantFrom('', ' ', '?', '**', '0', '1', '31022000', '1995-**-**', '\uFFFD', 'Ã¡»', 'x'.repeat(301)),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
);

function mutate(payload: string, ops: readonly Mutation[]): string {
  const fields = payload.split('|');
  for (const m of ops) {
    if (fields.length === 0) break;
    const at = m.at % fields.length;
    if (m.op === 'replace') fields[at] = m.value;
    else if (m.op === 'delete') fields.splice(at, 1);
    else fields.splice(at, 0, fields[at] ?? '');
  }
  return fields.join('|');
}

describe('parsers are total', () => {
  it('never throw on arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), checkAll), { numRuns: 500 });
  });

  it('never throw on arbitrary UTF-16 (lone surrogates included)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary-ascii' }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (a, b) => checkAll(a + b),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('never throw on pipe-heavy strings', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '|',
        '*',
        '-',
        '/',
        '0',
        '1',
        '9',
        'Nam',
        'Nữ',
        'TQ1:',
        'TQ2:',
        ':',
        '%',
        ':Z',
        '000201',
        'https://',
        '\uFEFF',
        '\r\n',
        ' ',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((ps) => ps.join('')),
        checkAll,
      ),
      { numRuns: 500 },
    );
  });

  it('never throw on mutated valid payloads, and keep persons schema-valid', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 4 }), (payload, ops) =>
        checkAll(mutate(payload, ops)),
      ),
      { numRuns: 1000 },
    );
  });

  it('still recognise a CCCD when only the name field is garbage', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 250 }), (name) => {
        const r = classifyScan(`038095001234|123456789|${name.replace(/\|/g, '')}|01011995|Nam|Thôn 3|15082021`);
        expect(r.kind).toBe('cccd');
        if (r.kind !== 'cccd') return;
        expect(r.person.idNumber).toBe('038095001234');
        expect(r.person.birthDate).toBe('1995-01-01');
        expect(r.issueDate).toBe('2021-08-15');
        checkResult(r);
      }),
      { numRuns: 500 },
    );
  });

  it('handle oversized and pathological input quickly', () => {
    const started = Date.now();
    for (const text of [
      ' '.repeat(100_000),
      `a${' '.repeat(100_000)}a`,
      '|'.repeat(1999),
      `https://x.y/${'a'.repeat(1980)}`,
      '*'.repeat(2000),
    ])
      checkAll(text);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
