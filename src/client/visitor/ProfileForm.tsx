import { useState } from 'preact/hooks';
import type { Person } from '../../shared/protocol';
import { newVisitorId } from '../../shared/scan/visitor-code';
import { saveProfile, type Profile } from '../data';
import { CardScan } from './CardScan';
import { askPersistenceOnce } from './persistence';
import { EMPTY_PROFILE_FIELDS, personFromProfileFields, profileFieldsOf, type ProfileFields } from './profile-fields';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/dict';
import '../i18n/dict-visit';

interface ProfileFormProps {
  /** The profile to edit, or null for a new one. */
  profile: Profile | null;
  /** A new profile is the phone owner's own. */
  self: boolean;
  onSaved: (profile: Profile) => void;
  /** For a new household member: the owner's details, whose phone and address it takes unless changed. */
  household?: Person;
}

const FIELDS: {
  key: keyof ProfileFields;
  label: MessageKey;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
}[] = [
  { key: 'name', label: 'visitor.form.name', autocomplete: 'name' },
  { key: 'birth', label: 'visitor.form.birth', inputmode: 'numeric', autocomplete: 'bday' },
  { key: 'phone', label: 'visitor.form.phone', type: 'tel', autocomplete: 'tel' },
  { key: 'idNumber', label: 'visitor.form.idNumber', inputmode: 'numeric' },
  { key: 'address', label: 'visitor.form.address', autocomplete: 'street-address' },
];

/**
 * The details of one person (owner or household member), prefilled by scanning a CCCD card; stored only on the phone.
 */
export function ProfileForm({ profile, self, onSaved, household }: ProfileFormProps) {
  const shared =
    !profile && !self && household ? { phone: household.phone ?? '', address: household.address ?? '' } : null;
  const [fields, setFields] = useState<ProfileFields>(
    profile ? profileFieldsOf(profile.person) : { ...EMPTY_PROFILE_FIELDS, ...shared },
  );
  const [errors, setErrors] = useState<Partial<Record<keyof ProfileFields, MessageKey>>>({});
  const [scanning, setScanning] = useState(false);
  const [prefilled, setPrefilled] = useState(false);

  const set = (key: keyof ProfileFields, value: string) => setFields({ ...fields, [key]: value });
  const fromCard = (person: Person) => {
    // An ID card carries no phone: a member keeps the household's.
    const read = profileFieldsOf(person);
    setFields({ ...read, phone: read.phone || fields.phone, address: read.address || fields.address });
    setScanning(false);
    setPrefilled(true);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = personFromProfileFields(fields, new Date().getFullYear());
    if ('errors' in result) return setErrors(result.errors);
    const saved: Profile = profile
      ? { ...profile, person: result.person }
      : { id: newVisitorId(), person: result.person, self, createdAt: Date.now() };
    await saveProfile(saved);
    void askPersistenceOnce();
    onSaved(saved);
  };

  return (
    <form class="panel profile-form" onSubmit={submit} data-testid="profile-form" noValidate>
      <h2>
        {profile ? t('visitor.form.editTitle') : self ? t('visitor.form.selfTitle') : t('visitor.form.memberTitle')}
      </h2>
      {scanning ? (
        <CardScan onPerson={fromCard} onClose={() => setScanning(false)} />
      ) : (
        <button type="button" class="big" onClick={() => setScanning(true)}>
          {t('visitor.form.scanCard')}
        </button>
      )}
      {prefilled && (
        <p class="ok-note" role="status">
          {t('visitor.form.prefilled')}
        </p>
      )}
      {shared && (shared.phone || shared.address) && (
        <p class="hint" data-testid="household-contact">
          {t('household.sameContact', { phone: shared.phone || '—', address: shared.address || '—' })}
        </p>
      )}
      {FIELDS.map((f) => (
        <label key={f.key}>
          {t(f.label)}
          <input
            name={f.key}
            type={f.type ?? 'text'}
            value={fields[f.key]}
            autoComplete={f.autocomplete}
            inputMode={f.inputmode as 'numeric' | undefined}
            aria-invalid={errors[f.key] ? 'true' : undefined}
            onInput={(e) => set(f.key, (e.currentTarget as HTMLInputElement).value)}
          />
          {errors[f.key] && <em class="field-error">{t(errors[f.key]!)}</em>}
        </label>
      ))}
      <label>
        {t('visitor.form.gender')}
        <select
          name="gender"
          value={fields.gender}
          onChange={(e) => set('gender', (e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">—</option>
          <option value="male">{t('visitor.form.male')}</option>
          <option value="female">{t('visitor.form.female')}</option>
          <option value="other">{t('visitor.form.other')}</option>
        </select>
      </label>
      <p class="hint">{t('visitor.form.onlyHere')}</p>
      <button type="submit" class="big primary">
        {t('visitor.form.save')}
      </button>
    </form>
  );
}
