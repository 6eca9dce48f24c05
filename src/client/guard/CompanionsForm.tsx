import { useState } from 'preact/hooks';
import type { CheckIn, Person } from '../../shared/protocol';
import type { MessageKey } from '../i18n/dict';
import { t } from '../i18n/i18n';
import { EMPTY_PERSON_FIELDS, personFromFields, type PersonFields } from './person-form';
import { PersonFieldset } from './PersonFieldset';

interface CompanionsFormProps {
  lead: CheckIn;
  onSubmit: (people: Person[]) => Promise<void>;
  onClose: () => void;
}

/** Checks in the children or elderly relatives who came with a visitor, in one action. */
export function CompanionsForm({ lead, onSubmit, onClose }: CompanionsFormProps) {
  const [rows, setRows] = useState<PersonFields[]>([EMPTY_PERSON_FIELDS]);
  const [errors, setErrors] = useState<Partial<Record<keyof PersonFields, MessageKey>>[]>([]);
  const thisYear = new Date().getFullYear();

  const submit = async (event: Event) => {
    event.preventDefault();
    const results = rows.map((row) =>
      personFromFields({ ...row, address: row.address || (lead.person.address ?? '') }, thisYear),
    );
    const rowErrors = results.map((r) => ('errors' in r ? r.errors : {}));
    if (rowErrors.some((e) => Object.keys(e).length > 0)) return setErrors(rowErrors);
    await onSubmit(results.flatMap((r) => ('person' in r ? [r.person] : [])));
  };

  return (
    <form class="panel" onSubmit={submit} data-testid="companions-form">
      <h2>{t('companions.title', { name: lead.person.name })}</h2>
      {rows.map((row, i) => (
        <fieldset key={i} class="companion">
          <PersonFieldset
            short
            fields={row}
            errors={errors[i] ?? {}}
            onChange={(next) => setRows(rows.map((r, j) => (j === i ? next : r)))}
          />
          {rows.length > 1 && (
            <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('companions.remove')}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" class="big" onClick={() => setRows([...rows, EMPTY_PERSON_FIELDS])}>
        {t('companions.add')}
      </button>
      <div class="row">
        <button type="submit" class="big primary">
          {t('companions.save')}
        </button>
        <button type="button" class="big" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
