/**
 * The visitor's profile takes an ID number by the same rule as the guard's forms: a 12-digit CCCD, a 9-digit CMND or
 * a passport number, written the way people type them; anything else is refused with the reason.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE_FIELDS, personFromProfileFields } from '../../../src/client/visitor/profile-fields';

const withId = (idNumber: string) =>
  personFromProfileFields({ ...EMPTY_PROFILE_FIELDS, name: 'Lê Thị Hoa', idNumber }, 2026);

describe('the visitor profile ID number', () => {
  it('takes a CCCD, a CMND and a passport as typed', () => {
    expect(withId('038 190 000 013')).toEqual({ person: { name: 'Lê Thị Hoa', idNumber: '038190000013' } });
    expect(withId('123.456.789')).toEqual({ person: { name: 'Lê Thị Hoa', idNumber: '123456789' } });
    expect(withId('c1234567')).toEqual({ person: { name: 'Lê Thị Hoa', idNumber: 'C1234567' } });
  });

  it('refuses what is none of them, as the guard does', () => {
    for (const bad of ['12345', '0381900000131', 'ABCDEFGHIJKL', '******001234'])
      expect(withId(bad)).toEqual({ errors: { idNumber: 'visitor.form.idInvalid' } });
  });
});
