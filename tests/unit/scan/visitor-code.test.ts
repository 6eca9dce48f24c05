import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { PersonSchema } from '../../../src/shared/protocol';
import type { ScanResult, VisitorDeclaration } from '../../../src/shared/scan/types';
import {
  VISITOR_ID_ALPHABET,
  answersFromFlags,
  encodeVisitorCode,
  encodeVisitorCodeV1,
  flagsFromAnswers,
  newVisitorId,
  parseVisitorCode,
  type VisitorProfile,
} from '../../../src/shared/scan/visitor-code';

function visitor(text: string): Extract<ScanResult, { kind: 'visitor' }> {
  const result = parseVisitorCode(text);
  if (result.kind !== 'visitor') throw new Error(`expected visitor, got ${JSON.stringify(result)}`);
  return result;
}

const AN: VisitorProfile = {
  visitorId: '0a1b2c3d4e',
  name: 'Nguyễn Văn An',
  birthDate: '1995-01-01',
  birthYear: 1995,
  gender: 'male',
  phone: '0912345678',
  idNumber: '038095001234',
  address: 'Thôn 3, Xã Dân Lực',
};

describe('encodeVisitorCode', () => {
  it('writes the documented layout', () => {
    expect(encodeVisitorCodeV1(AN, { date: '2021-08-15', version: 3, flags: 0x25 })).toBe(
      'TQ1:0a1b2c3d4e|Nguyễn Văn An|19950101|M|0912345678|038095001234|Thôn 3, Xã Dân Lực|20210815.3.25',
    );
  });

  it('omits trailing empty fields and writes a bare year', () => {
    expect(encodeVisitorCodeV1({ visitorId: '0a1b2c3d4e', name: 'Lê Thị Hoa', birthYear: 1960 })).toBe(
      'TQ1:0a1b2c3d4e|Lê Thị Hoa|1960',
    );
    expect(
      encodeVisitorCodeV1(
        { visitorId: '0a1b2c3d4e', name: 'Lê Thị Hoa' },
        { date: '2021-08-15', version: 1, flags: 0 },
      ),
    ).toBe('TQ1:0a1b2c3d4e|Lê Thị Hoa||||||20210815.1.0');
  });

  it('strips pipes and control characters so fields never shift', () => {
    const code = encodeVisitorCodeV1({
      visitorId: '0a1b2c3d4e',
      name: 'An|\u0000B\r\nC',
      phone: '0912|345678',
      address: 'a|b',
    });
    expect(code).toBe('TQ1:0a1b2c3d4e|An B C|||0912 345678||a b');
    const r = visitor(code);
    expect(r.person).toEqual({ visitorId: '0a1b2c3d4e', name: 'An B C', phone: '0912 345678', address: 'a b' });
  });

  it('reduces a masked birth date to its year and leaves out an invalid declaration', () => {
    expect(
      encodeVisitorCodeV1(
        { visitorId: '0a1b2c3d4e', name: 'A', birthDate: '1995-**-**' },
        { date: '2021-02-30', version: 1, flags: 1 },
      ),
    ).toBe('TQ1:0a1b2c3d4e|A|1995');
  });
});

describe('parseVisitorCode', () => {
  it('reads a full code', () => {
    expect(
      visitor('TQ1:0a1b2c3d4e|Nguyễn Văn An|19950101|M|0912345678|038095001234|Thôn 3, Xã Dân Lực|20210815.3.25'),
    ).toEqual({
      kind: 'visitor',
      person: { ...AN, visitorId: '0a1b2c3d4e' },
      declaration: { date: '2021-08-15', version: 3, flags: 0x25 },
      warnings: [],
    });
  });

  it('ignores trailing fields of a future minor revision, and BOM/CR/LF', () => {
    const r = visitor('\uFEFFTQ1:0a1b2c3d4e|Lê Thị Hoa|1960|F||||20210815.2.0|newfield|x\r\n');
    expect(r.person).toEqual({ visitorId: '0a1b2c3d4e', name: 'Lê Thị Hoa', birthYear: 1960, gender: 'female' });
    expect(r.declaration).toEqual({ date: '2021-08-15', version: 2, flags: 0 });
  });

  it('survives Caps Lock on a wedge scanner (upper-case id and prefix)', () => {
    const r = visitor('tq1:0A1B2C3D4E|lÊ tHỊ hOA|1960');
    expect(r.person.visitorId).toBe('0a1b2c3d4e');
    expect(r.person.birthYear).toBe(1960);
  });

  it('drops bad fields with warnings instead of failing', () => {
    const r = visitor('TQ1:0a1b2c3d4e|Nguy?n An|19951301|X|09abc|123456789012345678901|ok|2021.1.zz');
    expect(r.person).toEqual({ visitorId: '0a1b2c3d4e', name: 'Nguy?n An', birthYear: 1995, address: 'ok' });
    expect(r.declaration).toBeNull();
    expect(r.warnings).toEqual([
      'name_garbled',
      'bad_birth_date',
      'bad_gender',
      'bad_phone',
      'bad_id_number',
      'bad_declaration',
    ]);
  });

  it('uses a stand-in name when the name is missing', () => {
    const r = visitor('TQ1:0a1b2c3d4e');
    expect(r.person).toEqual({ visitorId: '0a1b2c3d4e', name: '?' });
    expect(r.warnings).toEqual(['name_missing']);
  });

  it('refuses codes without the prefix, another version, or a bad id', () => {
    expect(parseVisitorCode('TQ9:0a1b2c3d4e|A').kind).toBe('unknown');
    expect(parseVisitorCode('TQ2:0a1b2c3d4e|A').kind).toBe('unknown');
    expect(parseVisitorCode('0a1b2c3d4e|A').kind).toBe('unknown');
    expect(parseVisitorCode('TQ1:abc|A').kind).toBe('unknown');
    expect(parseVisitorCode('TQ1:0a1b-2c3d4e|A').kind).toBe('unknown');
  });
});

describe('visitor ids and flags', () => {
  it('makes 10-character ids from the base32 alphabet', () => {
    const id = newVisitorId();
    expect(id).toMatch(/^[0-9abcdefghjkmnpqrstvwxyz]{10}$/);
    expect(newVisitorId(() => new Uint8Array([0, 1, 31, 32, 255, 10, 18, 21, 24, 27]))).toBe('01z0zajnrv');
  });

  it('packs and unpacks yes answers in questionnaire order', () => {
    expect(flagsFromAnswers([true, false, true])).toBe(5);
    expect(flagsFromAnswers([])).toBe(0);
    expect(answersFromFlags(5, 4)).toEqual([true, false, true, false]);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 52 }), (answers) => {
        expect(answersFromFlags(flagsFromAnswers(answers), answers.length)).toEqual(answers);
      }),
    );
  });
});

describe('visitor code round trip (property)', () => {
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
  const word = fc
    .string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 8 })
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' ').slice(0, 200).trim());
  const address = fc
    .array(fc.oneof(word, fc.stringMatching(/^\d{1,3}$/), fc.constant(',')), { minLength: 1, maxLength: 12 })
    .map((ws) => ws.join(' '));
  const date = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const birth = fc.oneof(
    fc.constant({}),
    fc.integer({ min: 1900, max: 2100 }).map((birthYear) => ({ birthYear })),
    date.map((birthDate) => ({ birthDate, birthYear: Number(birthDate.slice(0, 4)) })),
  );
  const profile = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...VISITOR_ID_ALPHABET), minLength: 10, maxLength: 10 }),
      name,
      birth,
      fc.record(
        {
          gender: fc.constantFrom('male' as const, 'female' as const, 'other' as const),
          phone: fc.stringMatching(/^(0|\+84)\d{9}$/),
          idNumber: fc.oneof(
            fc.stringMatching(/^\d{12}$/),
            fc.stringMatching(/^\d{9}$/),
            fc.stringMatching(/^[A-Z]\d{7}$/),
          ),
          address,
        },
        { requiredKeys: [] },
      ),
    )
    .map(([visitorId, n, b, rest]): VisitorProfile => ({ visitorId, name: n, ...b, ...rest }));
  const declaration: fc.Arbitrary<VisitorDeclaration | null> = fc.option(
    fc.record({ date, version: fc.integer({ min: 0, max: 999 }), flags: fc.integer({ min: 0, max: 2 ** 20 }) }),
    { nil: null },
  );

  it('parse(encode(profile)) gives back the same fields', () => {
    fc.assert(
      fc.property(profile, declaration, (p, d) => {
        const r = visitor(encodeVisitorCode(p, d));
        expect(r.person).toEqual(p);
        expect(r.declaration).toEqual(d);
        expect(r.warnings).toEqual([]);
        expect(v.safeParse(PersonSchema, r.person).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every other field intact whatever the name contains', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (n) => {
        const r = visitor(
          encodeVisitorCode(
            { visitorId: '0a1b2c3d4e', name: n, phone: '0912345678', birthYear: 1990 },
            { date: '2021-08-15', version: 2, flags: 3 },
          ),
        );
        expect(r.person.visitorId).toBe('0a1b2c3d4e');
        expect(r.person.phone).toBe('0912345678');
        expect(r.person.birthYear).toBe(1990);
        expect(r.declaration).toEqual({ date: '2021-08-15', version: 2, flags: 3 });
        expect(v.safeParse(PersonSchema, r.person).success).toBe(true);
      }),
    );
  });

  it('stays short for a typical profile', () => {
    expect(encodeVisitorCode(AN, { date: '2021-08-15', version: 3, flags: 0x25 }).length).toBeLessThan(110);
  });
});

describe('personal QR version 2 (TQ2, alphanumeric)', () => {
  const LONG: VisitorProfile = {
    visitorId: 'k3m9q2x7zt',
    name: 'Nguyễn Thị Phương Thảo Hoàng Ngọc',
    birthDate: '1987-11-23',
    birthYear: 1987,
    gender: 'female',
    phone: '0912345678',
    idNumber: '038187012345',
    address: 'Xóm Đồng Khánh, Thôn Trung Tiến, Xã Xuân Thịnh, Huyện Triệu Sơn, Tỉnh Thanh Hóa',
  };
  const DECL = { date: '2026-11-28', version: 1, flags: 0x802 };

  it('is what the app makes for a Vietnamese profile, and reads back to the same person as TQ1', () => {
    const v2 = encodeVisitorCode(LONG, DECL);
    expect(v2.startsWith('TQ2:')).toBe(true);
    expect(v2).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(visitor(v2)).toEqual(visitor(encodeVisitorCodeV1(LONG, DECL)));
    expect(visitor(v2).person).toEqual(LONG);
    expect(v2.length).toBeLessThan(encodeVisitorCodeV1(LONG, DECL).length);
  });

  it('survives a keyboard-wedge scanner with Caps Lock (all lower case)', () => {
    const r = visitor(encodeVisitorCode(AN, DECL).toLowerCase());
    expect(r.person).toEqual(AN);
    expect(r.declaration).toEqual(DECL);
  });

  it('keeps lower-case and upper-case words, commas, symbols and doubled letters exactly', () => {
    for (const address of [
      'Thị trấn Triệu Sơn',
      'Số 12/3 đường Lê Lợi',
      'UBND xã Dân Lực',
      'Tổ 5 - Khu 3: Ngõ 12A',
      'Xoong, Lee, Đđ Aă',
    ]) {
      const code = encodeVisitorCode({ ...AN, address });
      expect(code.startsWith('TQ2:')).toBe(true);
      expect(visitor(code).person.address).toBe(address);
    }
  });

  it('falls back to TQ1 for text it cannot carry exactly', () => {
    for (const name of ['iPhone Nguyễn', 'Nguyễn (An)', 'Müller', '王小明']) {
      const code = encodeVisitorCode({ ...AN, name });
      expect(code.startsWith('TQ1:')).toBe(true);
      expect(visitor(code).person.name).toBe(name);
    }
  });

  it('refuses malformed version-2 bodies instead of guessing', () => {
    for (const body of [
      'TQ2:0A1B2C3D4E-A%%',
      'TQ2:0A1B2C3D4E-A:',
      'TQ2:0A1B2C3D4E-1/',
      'TQ2:0A1B2C3D4E-A|B',
      'TQ2:0A1B2C3D4E-A-1-M-0-0-A-1-S-X',
    ]) {
      expect(parseVisitorCode(body).kind).toBe('unknown');
    }
  });

  it('fits QR version 7 at level M for the long sample (version 1 needs 10)', async () => {
    const QRCode = (await import('qrcode')).default;
    expect(QRCode.create(encodeVisitorCode(LONG, DECL), { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(7);
    expect(QRCode.create(encodeVisitorCodeV1(LONG, DECL), { errorCorrectionLevel: 'M' }).version).toBe(10);
  });
});
