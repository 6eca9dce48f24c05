/** A contact typed in by hand (a household member met at home): name, phone, address, relationship, last exposure. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import { RELATIONSHIPS, type Relationship } from '../../shared/outbreak-api';
import { errorText, localInput } from './format';
import { CommunePicker } from './CommunePicker';
import { WordSelect } from '../WordSelect';

interface ManualContactFormProps {
  caseId: string;
  onAdded: () => void;
}

/** The form (the contact is confirmed and followed at once). */
export function ManualContactForm({ caseId, onAdded }: ManualContactFormProps) {
  const empty = {
    name: '',
    phone: '',
    address: '',
    relationship: 'household' as Relationship,
    lastExposure: localInput(Date.now()),
    unitId: '',
  };
  const [f, setF] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await call(adminRoutes.outbreakCaseContact, {
        params: { id: caseId },
        body: {
          ...f,
          phone: f.phone || null,
          address: f.address || null,
          lastExposure: new Date(f.lastExposure).getTime(),
          unitId: f.unitId || undefined,
        },
      });
      setF(empty);
      setError(null);
      onAdded();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const input = (k: 'name' | 'phone' | 'address', label: string) => (
    <label>
      {label}
      <input
        name={`manual-${k}`}
        value={f[k]}
        onInput={(e) => setF({ ...f, [k]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <section>
      <h3>{t('ob.manual')}</h3>
      <form class="inline-form" onSubmit={submit}>
        {input('name', t('ob.name'))}
        {input('phone', t('ob.phone'))}
        {input('address', t('ob.address'))}
        <WordSelect
          label={t('ob.relationship')}
          name="manual-relationship"
          value={f.relationship}
          values={RELATIONSHIPS}
          word={(r) => t(`ob.rel.${r}`)}
          onChange={(relationship) => setF({ ...f, relationship })}
        />
        <label>
          {t('ob.lastExposure')}
          <input
            type="datetime-local"
            name="manual-last"
            value={f.lastExposure}
            onInput={(e) => setF({ ...f, lastExposure: (e.target as HTMLInputElement).value })}
          />
        </label>
        <CommunePicker
          value={f.unitId}
          onChange={(unitId) => setF({ ...f, unitId })}
          label={t('ob.followIn')}
          emptyLabel={t('ob.followInAuto')}
          name="followUnit"
        />
        <button type="submit">{t('ob.add')}</button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
