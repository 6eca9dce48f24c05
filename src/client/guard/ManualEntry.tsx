import { useState } from 'preact/hooks';
import type { Person } from '../../shared/protocol';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/dict';
import { EMPTY_PERSON_FIELDS, personFromFields, type PersonFields } from './person-form';

export interface ManualEntryProps {
  onSubmit: (person: Person) => Promise<boolean>;
  onClose: () => void;
}

const TEXT_FIELDS: { key: Exclude<keyof PersonFields, 'gender'>; label: MessageKey; inputMode?: 'numeric' | 'tel'; autoComplete?: string }[] = [
  { key: 'name', label: 'person.name', autoComplete: 'off' },
  { key: 'idNumber', label: 'person.idNumber', inputMode: 'numeric' },
  { key: 'birthYear', label: 'person.birthYear', inputMode: 'numeric' },
  { key: 'phone', label: 'person.phone', inputMode: 'tel' },
  { key: 'address', label: 'person.address' },
];

/** The typed check-in form for visitors without a code, or when the camera is denied or missing. */
export function ManualEntry({ onSubmit, onClose }: ManualEntryProps) {
  const [fields, setFields] = useState<PersonFields>(EMPTY_PERSON_FIELDS);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonFields, MessageKey>>>({});
  const set = (key: keyof PersonFields, value: string) => setFields({ ...fields, [key]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = personFromFields(fields, new Date().getFullYear());
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    if (await onSubmit(result.person)) setFields(EMPTY_PERSON_FIELDS);
  };

  return (
    <form class="manual" onSubmit={submit} data-testid="manual-form">
      <h2>{t('manual.title')}</h2>
      {TEXT_FIELDS.map(({ key, label, inputMode, autoComplete }) => (
        <label key={key}>
          <span>{t(label)}</span>
          <input
            name={key}
            value={fields[key]}
            inputMode={inputMode}
            autoComplete={autoComplete}
            aria-invalid={errors[key] ? 'true' : undefined}
            onInput={(e) => set(key, (e.target as HTMLInputElement).value)}
          />
          {errors[key] && <em class="field-error">{t(errors[key])}</em>}
        </label>
      ))}
      <label>
        <span>{t('person.gender')}</span>
        <select name="gender" value={fields.gender} onChange={(e) => set('gender', (e.target as HTMLSelectElement).value)}>
          <option value="">{t('person.gender.unknown')}</option>
          <option value="male">{t('person.gender.male')}</option>
          <option value="female">{t('person.gender.female')}</option>
          <option value="other">{t('person.gender.other')}</option>
        </select>
      </label>
      <div class="row">
        <button type="submit" class="big primary">
          {t('manual.save')}
        </button>
        <button type="button" class="big" onClick={onClose}>
          {t('manual.cancel')}
        </button>
      </div>
    </form>
  );
}
