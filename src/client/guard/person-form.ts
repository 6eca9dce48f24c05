/** Turns the typed-entry form into a Person, or says which field is wrong. */
import type { Gender, Person } from '../../shared/protocol';
import type { MessageKey } from '../i18n/dict';
import { readIdNumber } from '../../shared/person-id';

export interface PersonFields {
  name: string;
  idNumber: string;
  birthYear: string;
  gender: '' | Gender;
  phone: string;
  address: string;
}

export const EMPTY_PERSON_FIELDS: PersonFields = {
  name: '',
  idNumber: '',
  birthYear: '',
  gender: '',
  phone: '',
  address: '',
};

const ID_PROBLEMS = { digits: 'manual.idDigits', passport: 'manual.idPassport' } as const;

/** Validates the typed fields; returns the person or the first problem per field. */
export function personFromFields(
  fields: PersonFields,
  thisYear: number,
): { person: Person } | { errors: Partial<Record<keyof PersonFields, MessageKey>> } {
  const errors: Partial<Record<keyof PersonFields, MessageKey>> = {};
  const name = fields.name.replace(/\s+/g, ' ').trim();
  if (!name) errors.name = 'manual.nameRequired';
  const year = fields.birthYear.trim();
  if (year && !(/^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= thisYear))
    errors.birthYear = 'manual.birthYearInvalid';
  const phone = fields.phone.replace(/[\s.-]/g, '');
  if (phone && !/^\+?\d{6,15}$/.test(phone)) errors.phone = 'manual.phoneInvalid';
  const id = readIdNumber(fields.idNumber);
  if (id && 'problem' in id) errors.idNumber = ID_PROBLEMS[id.problem];
  if (Object.keys(errors).length > 0) return { errors };

  const person: Person = { name: name.slice(0, 200) };
  if (id && 'idNumber' in id) person.idNumber = id.idNumber;
  if (id && 'idMasked' in id) person.idMasked = id.idMasked;
  if (year) person.birthYear = Number(year);
  if (fields.gender) person.gender = fields.gender;
  if (phone) person.phone = phone;
  const address = fields.address.trim();
  if (address) person.address = address.slice(0, 300);
  return { person };
}

/** The form fields for a person read from a card or code (to prefill khai hộ or paper rows). */
export function fieldsFromPerson(person: Person): PersonFields {
  return {
    name: person.name === '?' ? '' : person.name,
    idNumber: person.idNumber ?? person.idMasked ?? '',
    birthYear: person.birthYear ? String(person.birthYear) : '',
    gender: person.gender ?? '',
    phone: person.phone ?? '',
    address: person.address ?? '',
  };
}
