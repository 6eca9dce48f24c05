/** Typed entry (Nhập tay, khai hộ, paper rows): which ID numbers a guard may type, and the reason when refused. */
import { describe, expect, it } from 'vitest';
import { personFromFields, EMPTY_PERSON_FIELDS, fieldsFromPerson } from '../../../src/client/guard/person-form';
import { setLang, t } from '../../../src/client/i18n/i18n';
import '../../../src/client/i18n/dict-guard';

const typed = (idNumber: string) => personFromFields({ ...EMPTY_PERSON_FIELDS, name: 'Nguyễn Văn An', idNumber }, 2026);

describe('ID number typed by the guard', () => {
  it('takes a 12-digit CCCD and a 9-digit old CMND, spaces, dots and dashes dropped', () => {
    expect(typed('038095001234')).toEqual({ person: { name: 'Nguyễn Văn An', idNumber: '038095001234' } });
    expect(typed(' 038 095 001 234 ')).toEqual({ person: { name: 'Nguyễn Văn An', idNumber: '038095001234' } });
    expect(typed('038-095.001234')).toEqual({ person: { name: 'Nguyễn Văn An', idNumber: '038095001234' } });
    expect(typed('172345678')).toEqual({ person: { name: 'Nguyễn Văn An', idNumber: '172345678' } });
  });

  it('refuses any other count of digits, saying what a CCCD and a CMND are', () => {
    for (const id of ['12345', '1234567890', '03809500123', '0380950012345'])
      expect(typed(id)).toEqual({ errors: { idNumber: 'manual.idDigits' } });
    setLang('vi');
    expect(t('manual.idDigits')).toBe('Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số).');
  });

  it('takes a passport number of 6–9 letters and digits (uppercased), refuses other letters with the reason', () => {
    expect(typed('c1234567')).toEqual({ person: { name: 'Nguyễn Văn An', idNumber: 'C1234567' } });
    expect(typed('E12345678')).toEqual({ person: { name: 'Nguyễn Văn An', idNumber: 'E12345678' } });
    for (const id of ['C123', 'AB12345678', 'ABCDEFG', 'Đ1234567', 'C12/4567'])
      expect(typed(id), id).toEqual({ errors: { idNumber: 'manual.idPassport' } });
  });

  it('keeps a masked number from the national health QR masked (khai hộ prefilled from it)', () => {
    const fields = fieldsFromPerson({ name: 'NGUYEN VAN AN', idMasked: '******001234', birthYear: 1995 });
    expect(personFromFields(fields, 2026)).toEqual({
      person: { name: 'NGUYEN VAN AN', idMasked: '******001234', birthYear: 1995 },
    });
  });

  it('leaves the number out when the field is empty', () => {
    expect(typed('  ')).toEqual({ person: { name: 'Nguyễn Văn An' } });
  });
});
