/** The profile form's fields and their validation into a Person (what the personal QR carries). */
import type { Gender, Person } from '../../shared/protocol';
import type { MessageKey } from '../i18n/dict';
import { readIdNumber } from '../../shared/person-id';

export interface ProfileFields {
  name: string;
  /** `YYYY` or `DD/MM/YYYY`. */
  birth: string;
  gender: '' | Gender;
  phone: string;
  idNumber: string;
  address: string;
}

export const EMPTY_PROFILE_FIELDS: ProfileFields = {
  name: '',
  birth: '',
  gender: '',
  phone: '',
  idNumber: '',
  address: '',
};

type Errors = Partial<Record<keyof ProfileFields, MessageKey>>;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validates the fields (name required; birth, phone and ID checked when given); returns the person or the errors. */
export function personFromProfileFields(
  fields: ProfileFields,
  thisYear: number,
): { person: Person } | { errors: Errors } {
  const errors: Errors = {};
  const name = fields.name.replace(/\s+/g, ' ').trim();
  if (!name) errors.name = 'visitor.form.nameRequired';
  const birth = fields.birth.trim();
  const year = /^\d{4}$/.exec(birth);
  const full = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(birth);
  let birthYear: number | undefined;
  let birthDate: string | undefined;
  if (year) birthYear = Number(birth);
  else if (full && validDay(Number(full[3]), Number(full[2]), Number(full[1]))) {
    birthYear = Number(full[3]);
    birthDate = `${full[3]}-${full[2]!.padStart(2, '0')}-${full[1]!.padStart(2, '0')}`;
  } else if (birth) errors.birth = 'visitor.form.birthInvalid';
  if (birthYear !== undefined && (birthYear < 1900 || birthYear > thisYear)) errors.birth = 'visitor.form.birthInvalid';
  const phone = fields.phone.replace(/[\s.-]/g, '');
  if (phone && !/^\+?\d{6,15}$/.test(phone)) errors.phone = 'visitor.form.phoneInvalid';
  // The same rule as the guard's forms: a 12-digit CCCD, a 9-digit CMND or a passport number (never masked here).
  const id = readIdNumber(fields.idNumber);
  const idNumber = id && 'idNumber' in id ? id.idNumber : '';
  if (id && !idNumber) errors.idNumber = 'visitor.form.idInvalid';
  if (Object.keys(errors).length > 0) return { errors };

  const person: Person = { name: name.slice(0, 200) };
  if (birthYear !== undefined) person.birthYear = birthYear;
  if (birthDate !== undefined) person.birthDate = birthDate;
  if (fields.gender) person.gender = fields.gender;
  if (phone) person.phone = phone;
  if (idNumber) person.idNumber = idNumber;
  const address = fields.address.replace(/\s+/g, ' ').trim();
  if (address) person.address = address.slice(0, 300);
  return { person };
}

/** The form fields showing a stored person (or one read from a CCCD card). */
export function profileFieldsOf(person: Person): ProfileFields {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(person.birthDate ?? '');
  return {
    name: person.name === '?' ? '' : person.name,
    birth: date ? `${date[3]}/${date[2]}/${date[1]}` : person.birthYear ? String(person.birthYear) : '',
    gender: person.gender ?? '',
    phone: person.phone ?? '',
    idNumber: person.idNumber ?? '',
    address: person.address ?? '',
  };
}
