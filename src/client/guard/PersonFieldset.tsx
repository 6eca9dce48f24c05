import type { MessageKey } from '../i18n/dict';
import { t } from '../i18n/i18n';
import type { PersonFields } from './person-form';

interface PersonFieldsetProps {
  fields: PersonFields;
  errors: Partial<Record<keyof PersonFields, MessageKey>>;
  onChange: (fields: PersonFields) => void;
  /** Only name, birth year and gender (companions). */
  short?: boolean;
}

const TEXT_FIELDS: {
  key: Exclude<keyof PersonFields, 'gender'>;
  label: MessageKey;
  inputMode?: 'numeric' | 'tel';
  short: boolean;
}[] = [
  { key: 'name', label: 'person.name', short: true },
  { key: 'idNumber', label: 'person.idNumber', inputMode: 'numeric', short: false },
  { key: 'birthYear', label: 'person.birthYear', inputMode: 'numeric', short: true },
  { key: 'phone', label: 'person.phone', inputMode: 'tel', short: false },
  { key: 'address', label: 'person.address', short: false },
];

/** The person's identity fields, shared by typed entry, khai hộ, companions and paper backfill. */
export function PersonFieldset({ fields, errors, onChange, short }: PersonFieldsetProps) {
  const set = (key: keyof PersonFields, value: string) => onChange({ ...fields, [key]: value });
  return (
    <>
      {TEXT_FIELDS.filter((f) => !short || f.short).map(({ key, label, inputMode }) => (
        <label key={key}>
          <span>{t(label)}</span>
          <input
            name={key}
            value={fields[key]}
            inputMode={inputMode}
            autoComplete="off"
            aria-invalid={errors[key] ? 'true' : undefined}
            onInput={(e) => set(key, (e.target as HTMLInputElement).value)}
          />
          {errors[key] && <em class="field-error">{t(errors[key])}</em>}
        </label>
      ))}
      <label>
        <span>{t('person.gender')}</span>
        <select
          name="gender"
          value={fields.gender}
          onChange={(e) => set('gender', (e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('person.gender.unknown')}</option>
          <option value="male">{t('person.gender.male')}</option>
          <option value="female">{t('person.gender.female')}</option>
          <option value="other">{t('person.gender.other')}</option>
        </select>
      </label>
    </>
  );
}
