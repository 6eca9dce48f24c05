import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCccd } from '../../../src/shared/scan/cccd';
import { maskedIdKey, maskedVisibleDigits, parseNationalQr } from '../../../src/shared/scan/national';
import type { ScanResult } from '../../../src/shared/scan/types';
import { foldVietnamese } from '../../../src/shared/text/fold';

const EXT = 'Q9876543210<1<DN4380123456789<09*****678<MEUCIQDx2a';
const SELF = `******001234|NGUYEN VAN AN|1995-**-**|0|Q1234567890|${EXT}`;

function national(text: string): Extract<ScanResult, { kind: 'national' }> {
  const result = parseNationalQr(text);
  if (result.kind !== 'national') throw new Error(`expected national, got ${JSON.stringify(result)}`);
  return result;
}

describe('parseNationalQr', () => {
  it('reads a self-declared code with masked day and month', () => {
    expect(national(SELF)).toEqual({
      kind: 'national',
      person: { name: 'NGUYEN VAN AN', idMasked: '******001234', birthYear: 1995, birthDate: '1995-**-**' },
      declaredBy: 'self',
      qid: 'Q1234567890',
      ext: EXT,
      warnings: [],
    });
  });

  it('reads a code declared on behalf, with a full birth date, BOM and CR/LF', () => {
    const r = national('\uFEFF******005678|TRAN THI BINH|2001-03-07|1|Q55|\r\n');
    expect(r.person).toEqual({
      name: 'TRAN THI BINH',
      idMasked: '******005678',
      birthYear: 2001,
      birthDate: '2001-03-07',
    });
    expect(r.declaredBy).toBe('behalf');
    expect(r.ext).toBe('');
  });

  it('reads a masked day with a visible month', () => {
    expect(national('******001234|LE VAN TU|1988-07-**|0|Q|E').person.birthDate).toBe('1988-07-**');
  });

  it('keeps EXT verbatim even when it contains pipes', () => {
    expect(national(`${SELF}|more|fields`).ext).toBe(`${EXT}|more|fields`);
  });

  it('warns on an impossible date and keeps the year', () => {
    const r = national('******001234|NGUYEN VAN AN|1995-13-**|0|Q|E');
    expect(r.person.birthDate).toBeUndefined();
    expect(r.person.birthYear).toBe(1995);
    expect(r.warnings).toEqual(['bad_birth_date']);
  });

  it('defaults an unreadable declared-by field to self and warns', () => {
    const r = national('******001234|NGUYEN VAN AN|1995-**-**|x|Q|E');
    expect(r.declaredBy).toBe('self');
    expect(r.warnings).toEqual(['bad_declared_by']);
  });

  it('drops an over-long EXT and warns', () => {
    const r = national(`******001234|NGUYEN VAN AN|1995-**-**|0|Q|${'e'.repeat(501)}`);
    expect(r.ext).toBe('');
    expect(r.warnings).toEqual(['bad_ext']);
  });

  it('reads an unmasked ID into idNumber when the date/0-1 shape says national', () => {
    const r = national('038095001234|NGUYEN VAN AN|1995-01-01|0|Q|E');
    expect(r.person.idNumber).toBe('038095001234');
    expect(r.person.idMasked).toBeUndefined();
  });

  it('refuses other pipe-separated text', () => {
    expect(parseNationalQr('a|b|c|d|e|f').kind).toBe('unknown');
    expect(parseNationalQr('******001234|NGUYEN VAN AN|1995-**-**|0|Q').kind).toBe('unknown');
    expect(parseNationalQr('')).toEqual({ kind: 'unknown', reason: 'empty' });
  });
});

describe('maskedIdKey', () => {
  const CCCD =
    '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';

  it('builds visible digits + folded name + birth year', () => {
    expect(maskedIdKey(national(SELF).person)).toBe('001234|nguyen van an|1995');
  });

  it('gives the same key for the CCCD scan of the same person', () => {
    const n = national(SELF).person;
    const c = parseCccd(CCCD);
    if (c.kind !== 'cccd') throw new Error('not cccd');
    expect(maskedIdKey(c.person, maskedVisibleDigits(n.idMasked ?? ''))).toBe(maskedIdKey(n));
    expect(maskedIdKey(c.person)).toBe('001234|nguyen van an|1995');
  });

  it('follows the mask width', () => {
    expect(maskedVisibleDigits('******001234')).toBe(6);
    expect(maskedVisibleDigits('********1234')).toBe(4);
    const n = national('********1234|NGUYEN VAN AN|1995-**-**|0|Q|E').person;
    expect(maskedIdKey(n)).toBe('1234|nguyen van an|1995');
    expect(
      maskedIdKey(
        { name: 'Nguyễn Văn An', idNumber: '038095001234', birthYear: 1995 },
        maskedVisibleDigits(n.idMasked ?? ''),
      ),
    ).toBe('1234|nguyen van an|1995');
  });

  it('differs for another person or another year', () => {
    expect(maskedIdKey({ name: 'Nguyễn Văn Ân', idNumber: '038095001234', birthYear: 1996 })).toBe(
      '001234|nguyen van an|1996',
    );
    expect(maskedIdKey({ name: 'Nguyễn Văn Anh', idNumber: '038095001234', birthYear: 1995 })).not.toBe(
      '001234|nguyen van an|1995',
    );
  });

  it('is null without an ID tail, a readable name or a birth year', () => {
    expect(maskedIdKey({ name: 'Nguyễn Văn An', birthYear: 1995 })).toBeNull();
    expect(maskedIdKey({ name: 'Nguyễn Văn An', idNumber: '038095001234' })).toBeNull();
    expect(maskedIdKey({ name: '?', idNumber: '038095001234', birthYear: 1995 })).toBeNull();
    expect(maskedIdKey({ name: 'A', idMasked: '038095******', birthYear: 1995 })).toBeNull();
  });

  it('matches a CCCD scan and the national QR of the same random person (property)', () => {
    const syllable = fc.constantFrom(
      'Nguyễn',
      'Trần',
      'Lê',
      'Phạm',
      'Đỗ',
      'Văn',
      'Thị',
      'Ánh',
      'Đức',
      'Hường',
      'Quỳnh',
      'Ngọc',
      'An',
    );
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1930, max: 2020 }),
        fc.stringMatching(/^\d{6}$/),
        (words, year, serial) => {
          const name = words.join(' ');
          const number = `038${year >= 2000 ? 2 : 0}${String(year % 100).padStart(2, '0')}${serial}`;
          const c = parseCccd(`${number}||${name}|0101${year}|Nam|Thôn 1|15082021`);
          const nationalName = foldVietnamese(name).toUpperCase();
          const n = parseNationalQr(`******${serial}|${nationalName}|${year}-**-**|0|Q|E`);
          if (c.kind !== 'cccd' || n.kind !== 'national') throw new Error('parse failed');
          const key = maskedIdKey(n.person);
          expect(key).toBe(`${serial}|${foldVietnamese(name)}|${year}`);
          expect(maskedIdKey(c.person, maskedVisibleDigits(n.person.idMasked ?? ''))).toBe(key);
        },
      ),
    );
  });
});
