import { useState } from 'preact/hooks';
import type { Person } from '../../shared/protocol';
import type { MessageKey } from '../i18n/dict';
import { t } from '../i18n/i18n';
import { EMPTY_PERSON_FIELDS, personFromFields, type PersonFields } from './person-form';
import { PersonFieldset } from './PersonFieldset';

interface ManualEntryProps {
  onSubmit: (person: Person) => Promise<boolean>;
  onClose: () => void;
}

/** The typed check-in form for visitors without a code, or when the camera is denied or missing. */
export function ManualEntry({ onSubmit, onClose }: ManualEntryProps) {
  const [fields, setFields] = useState<PersonFields>(EMPTY_PERSON_FIELDS);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonFields, MessageKey>>>({});

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = personFromFields(fields, new Date().getFullYear());
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    if (await onSubmit(result.person)) setFields(EMPTY_PERSON_FIELDS);
  };

  return (
    <form class="panel" onSubmit={submit} data-testid="manual-form">
      <h2>{t('manual.title')}</h2>
      <PersonFieldset fields={fields} errors={errors} onChange={setFields} />
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
