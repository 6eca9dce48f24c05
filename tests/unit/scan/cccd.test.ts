import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cccdFacts, isCompleteCccdPayload, parseCccd } from '../../../src/shared/scan/cccd';
import type { ScanResult } from '../../../src/shared/scan/types';

// Verbatim from GUIDE.md §2.
const GUIDE_FULL =
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';
const GUIDE_NO_OLD_ID =
  '038095001234||Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|15082021';
const GUIDE_2024 =
  '038095001234|123456789|Nguyễn Văn An|01011995|Nam|Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa|04102024||||';
const ADDRESS = 'Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa';

function cccd(text: string): Extract<ScanResult, { kind: 'cccd' }> {
  const result = parseCccd(text);
  if (result.kind !== 'cccd') throw new Error(`expected cccd, got ${JSON.stringify(result)}`);
  return result;
}

const AN = {
  name: 'Nguyễn Văn An',
  idNumber: '038095001234',
  birthYear: 1995,
  birthDate: '1995-01-01',
  gender: 'male',
  address: ADDRESS,
};

describe('parseCccd: the guide examples', () => {
  it('reads the full 7-field payload', () => {
    expect(cccd(GUIDE_FULL)).toEqual({
      kind: 'cccd',
      person: AN,
      oldId: '123456789',
      issueDate: '2021-08-15',
      warnings: [],
    });
  });

  it('reads an empty old-ID field as null', () => {
    const r = cccd(GUIDE_NO_OLD_ID);
    expect(r.oldId).toBeNull();
    expect(r.person).toEqual(AN);
    expect(r.issueDate).toBe('2021-08-15');
  });

  it('ignores the trailing empty fields of 2024 cards', () => {
    const r = cccd(GUIDE_2024);
    expect(r).toEqual({ kind: 'cccd', person: AN, oldId: '123456789', issueDate: '2024-10-04', warnings: [] });
  });

  it('ignores non-empty extra fields too', () => {
    expect(cccd(`${GUIDE_FULL}|future|stuff`).person).toEqual(AN);
  });
});

describe('parseCccd: what scanners wrap around payloads', () => {
  it.each([
    ['BOM', `\uFEFF${GUIDE_FULL}`],
    ['CR/LF', `${GUIDE_FULL}\r\n`],
    ['LF only', `${GUIDE_FULL}\n`],
    ['surrounding spaces and tabs', `  \t${GUIDE_FULL}  `],
    ['everything', `\uFEFF \r\n${GUIDE_FULL}\r\n `],
  ])('trims %s', (_label, text) => {
    const r = cccd(text);
    expect(r.person).toEqual(AN);
    expect(r.issueDate).toBe('2021-08-15');
  });

  it('trims spaces around every field', () => {
    const r = cccd(
      ' 038095001234 | 123456789 |  Nguyễn Văn An | 01011995 | Nam | Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa | 15082021 ',
    );
    expect(r.person).toEqual(AN);
    expect(r.oldId).toBe('123456789');
    expect(r.issueDate).toBe('2021-08-15');
  });
});

describe('parseCccd: variants', () => {
  it.each(['123456789', '1234567890', '031234567890'])('keeps an old ID of %s as read', (oldId) => {
    const r = cccd(`038095001234|${oldId}|Nguyễn Văn An|01011995|Nam|${ADDRESS}|15082021`);
    expect(r.oldId).toBe(oldId);
    expect(r.warnings).toEqual([]);
  });

  it('reads the 6-field chat-app re-export with slashed dates', () => {
    const r = cccd('038195001234|Trần Thị Bình|07/03/1995|Nữ|Xã Thọ Dân, Huyện Triệu Sơn, Thanh Hóa|15/08/2021');
    expect(r).toEqual({
      kind: 'cccd',
      person: {
        name: 'Trần Thị Bình',
        idNumber: '038195001234',
        birthYear: 1995,
        birthDate: '1995-03-07',
        gender: 'female',
        address: 'Xã Thọ Dân, Huyện Triệu Sơn, Thanh Hóa',
      },
      oldId: null,
      issueDate: '2021-08-15',
      warnings: [],
    });
  });

  it('reads a chat copy with an empty name without shifting fields', () => {
    const r = cccd('038195001234||07/03/1995|Nữ|Thọ Dân|15/08/2021');
    expect(r.person).toMatchObject({ name: '?', birthDate: '1995-03-07', gender: 'female', address: 'Thọ Dân' });
    expect(r.warnings).toContain('name_missing');
  });

  it('keeps a record with an impossible birth date, warns and keeps the year', () => {
    const r = cccd(`038095001234|123456789|Nguyễn Văn An|30021995|Nam|${ADDRESS}|15082021`);
    expect(r.person.birthDate).toBeUndefined();
    expect(r.person.birthYear).toBe(1995);
    expect(r.person.name).toBe('Nguyễn Văn An');
    expect(r.warnings).toEqual(['bad_birth_date']);
  });

  it('keeps a record with an impossible issue date and warns', () => {
    const r = cccd(`038095001234|123456789|Nguyễn Văn An|01011995|Nam|${ADDRESS}|31132021`);
    expect(r.issueDate).toBeNull();
    expect(r.person).toEqual(AN);
    expect(r.warnings).toEqual(['bad_issue_date']);
  });

  it('accepts 29 February of a leap year and refuses it otherwise', () => {
    expect(cccd(`038000001234||Lê Văn Tư|29022000|Nam|${ADDRESS}|15082021`).person.birthDate).toBe('2000-02-29');
    expect(cccd(`038001001234||Lê Văn Tư|29021900|Nam|${ADDRESS}|15082021`).warnings).toContain('bad_birth_date');
  });

  it('rejects a first field that is not 12 digits', () => {
    expect(parseCccd(`03809500123|123456789|Nguyễn Văn An|01011995|Nam|${ADDRESS}|15082021`)).toEqual({
      kind: 'unknown',
      reason: 'unrecognised',
    });
    expect(parseCccd(`03809500123A|123456789|Nguyễn Văn An|01011995|Nam|${ADDRESS}|15082021`).kind).toBe('unknown');
  });

  it('rejects a bare 12-digit number and too few fields', () => {
    expect(parseCccd('038095001234').kind).toBe('unknown');
    expect(parseCccd('038095001234|123456789|Nguyễn Văn An|01011995').kind).toBe('unknown');
  });

  it('says empty and too long', () => {
    expect(parseCccd(' \r\n')).toEqual({ kind: 'unknown', reason: 'empty' });
    expect(parseCccd(`${GUIDE_FULL}|${'x'.repeat(2000)}`)).toEqual({ kind: 'unknown', reason: 'too_long' });
  });
});

describe('parseCccd: gender', () => {
  const withGender = (g: string) => cccd(`038195001234||Trần Thị Bình|07031995|${g}|${ADDRESS}|15082021`);
  it.each([
    ['Nữ (NFC)', 'N\u1eef'],
    ['Nữ (NFD)', 'Nu\u031b\u0303'],
    ['Nu', 'Nu'],
    ['NỮ', 'NỮ'],
    ['N?', 'N?'],
    ['N\uFFFD', 'N\uFFFD'],
    ['Nuw (Telex leftover)', 'Nuw'],
    ['Nu74 (VNI leftover)', 'Nu74'],
    ['Ná»¯ (mojibake)', 'Ná»¯'],
  ])('reads %s as female', (_label, g) => {
    expect(withGender(g).person.gender).toBe('female');
  });

  it('reads Nam and NAM as male', () => {
    expect(cccd(GUIDE_FULL).person.gender).toBe('male');
    expect(cccd(`038095001234||Nguyễn Văn An|01011995|NAM|${ADDRESS}|15082021`).person.gender).toBe('male');
  });

  it('omits an unknown gender and warns', () => {
    const r = withGender('xyz');
    expect(r.person.gender).toBeUndefined();
    expect(r.warnings).toEqual(['bad_gender']);
  });
});

describe('parseCccd: facts in the number', () => {
  it('reads province, gender and birth year from the number', () => {
    expect(cccdFacts('038095001234')).toEqual({ provinceCode: '038', gender: 'male', birthYear: 1995 });
    expect(cccdFacts('001305001234')).toEqual({ provinceCode: '001', gender: 'female', birthYear: 2005 });
    expect(cccdFacts('079200001234')).toEqual({ provinceCode: '079', gender: 'male', birthYear: 2000 });
    expect(cccdFacts('038495001234')).toEqual({ provinceCode: '038', gender: 'male', birthYear: 2195 });
    expect(cccdFacts(' 038195001234\n')).toEqual({ provinceCode: '038', gender: 'female', birthYear: 1995 });
  });

  it('returns null for anything but 12 digits', () => {
    for (const bad of ['', '03809500123', '0380950012345', '03809500123a', '038 095 001 234'])
      expect(cccdFacts(bad)).toBeNull();
  });

  it('round-trips random facts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 96 }),
        fc.boolean(),
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 0, max: 999999 }),
        (province, female, year, serial) => {
          const digit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
          const number = `${String(province).padStart(3, '0')}${digit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
          expect(cccdFacts(number)).toEqual({
            provinceCode: number.slice(0, 3),
            gender: female ? 'female' : 'male',
            birthYear: year,
          });
        },
      ),
    );
  });

  it('warns when the number contradicts the gender field', () => {
    const r = cccd(`038095001234||Nguyễn Văn An|01011995|Nữ|${ADDRESS}|15082021`);
    expect(r.person.gender).toBe('female');
    expect(r.warnings).toEqual(['id_gender_mismatch']);
  });

  it('warns when the number contradicts the birth year (including the century digit)', () => {
    expect(cccd(`038095001234||Nguyễn Văn An|01011996|Nam|${ADDRESS}|15082021`).warnings).toEqual(['id_year_mismatch']);
    const century = cccd(`038295001234||Nguyễn Văn An|01011995|Nam|${ADDRESS}|15082021`);
    expect(century.warnings).toEqual(['id_year_mismatch']);
    expect(century.person.birthYear).toBe(1995);
  });
});

describe('parseCccd: keyboard-wedge damage', () => {
  it('keeps a name with ? and flags it', () => {
    const r = cccd(`038095001234|123456789|Nguy?n V?n An|01011995|Nam|${ADDRESS}|15082021`);
    expect(r.person.name).toBe('Nguy?n V?n An');
    expect(r.person.idNumber).toBe('038095001234');
    expect(r.warnings).toEqual(['name_garbled']);
  });

  it('keeps a name with dropped letters but flags it (a word without a vowel)', () => {
    const r = cccd(`038095001234|123456789|Nguyn Vn An|01011995|Nam|${ADDRESS}|15082021`);
    expect(r.person.name).toBe('Nguyn Vn An');
    expect(r.warnings).toEqual(['name_garbled']);
  });

  it.each([
    ['U+FFFD', 'Nguy\uFFFDn V\uFFFDn An'],
    ['digits from a VNI layout', 'Nguye64n Va8n An'],
    ['symbols from a foreign layout', 'Nguy[n V{n An'],
    ['unrepairable mojibake (C1 byte lost)', 'Nguyá»n VÄn An'],
  ])('flags %s', (_label, name) => {
    const r = cccd(`038095001234|123456789|${name}|01011995|Nam|${ADDRESS}|15082021`);
    expect(r.person.name).toBe(name);
    expect(r.warnings).toContain('name_garbled');
  });

  it('repairs UTF-8 read as Windows-1252 in the name and address', () => {
    const r = cccd(
      '038095001234|123456789|Nguyá»…n VÄƒn An|01011995|Nam|ThÃ´n 3, XÃ£ DÃ¢n Lá»±c, Huyá»‡n Triá»‡u SÆ¡n, Thanh HÃ³a|15082021',
    );
    expect(r.person).toEqual(AN);
    expect(r.warnings).toEqual(['text_repaired']);
  });

  it('repairs UTF-8 read as Latin-1 (C1 controls kept)', () => {
    const r = cccd('038095001234|123456789|Nguy\u00e1\u00bb\u0085n V\u00c4\u0083n An|01011995|Nam|x|15082021');
    expect(r.person.name).toBe('Nguyễn Văn An');
    expect(r.warnings).toEqual(['text_repaired']);
  });

  it('leaves legitimate Vietnamese capitals like Ã and Ê alone', () => {
    const r = cccd(`038095001234||NGÃ THỊ LÊ|01011995|Nữ|${ADDRESS}|15082021`);
    expect(r.person.name).toBe('NGÃ THỊ LÊ');
    expect(r.warnings).toEqual(['id_gender_mismatch']);
  });

  it('normalises a decomposed (NFD) name to NFC', () => {
    const r = cccd(`038095001234||${'Nguyễn Văn An'.normalize('NFD')}|01011995|Nam|${ADDRESS}|15082021`);
    expect(r.person.name).toBe('Nguyễn Văn An');
    expect(r.warnings).toEqual([]);
  });
});

describe('isCompleteCccdPayload', () => {
  it('is true for the guide examples, the chat form and a trailing CR/LF', () => {
    expect(isCompleteCccdPayload(GUIDE_FULL)).toBe(true);
    expect(isCompleteCccdPayload(GUIDE_NO_OLD_ID)).toBe(true);
    expect(isCompleteCccdPayload(GUIDE_2024)).toBe(true);
    expect(isCompleteCccdPayload(GUIDE_2024.replace(/\|+$/, ''))).toBe(true);
    expect(isCompleteCccdPayload(`${GUIDE_FULL}\r\n`)).toBe(true);
    expect(isCompleteCccdPayload('038195001234|Trần Thị Bình|07/03/1995|Nữ|Thọ Dân|15/08/2021')).toBe(true);
  });

  it('is false for every proper prefix of a payload', () => {
    for (let i = 0; i < GUIDE_FULL.length; i++) expect(isCompleteCccdPayload(GUIDE_FULL.slice(0, i))).toBe(false);
    const chat = '038195001234|Trần Thị Bình|07/03/1995|Nữ|Thọ Dân, Số 12345678|15/08/2021';
    for (let i = 0; i < chat.length; i++) expect(isCompleteCccdPayload(chat.slice(0, i))).toBe(false);
  });

  it('is false for other text', () => {
    expect(isCompleteCccdPayload('038095001234')).toBe(false);
    expect(isCompleteCccdPayload('a|b|c|d|e|f|12345678')).toBe(false);
    expect(isCompleteCccdPayload('')).toBe(false);
  });
});
