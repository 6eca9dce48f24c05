/** The fields of a checkpoint, for creating and editing. */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { ConsoleKey } from '../i18n/dict';
import {
  CHECKPOINT_TYPES,
  type AdminCheckpoint as Checkpoint,
  type AdministrativeUnit as Unit,
} from '../../shared/console-api';
import { WordSelect } from '../WordSelect';

type CheckpointDraft = Pick<
  Checkpoint,
  'name' | 'type' | 'address' | 'contactName' | 'contactPhone' | 'openingHours' | 'defaultStayMin'
> & { unitId: string };

interface CheckpointFormProps {
  initial: CheckpointDraft;
  /** Communes to choose from when creating; omitted when editing (the commune is fixed). */
  communes?: Unit[];
  submitLabel: string;
  onSubmit: (draft: CheckpointDraft) => Promise<void>;
}

/** The checkpoint form; shows the server's message when saving fails. */
export function CheckpointForm({ initial, communes, submitLabel, onSubmit }: CheckpointFormProps) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CheckpointDraft>(key: K, value: CheckpointDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const text = (
    key: 'name' | 'address' | 'contactName' | 'contactPhone' | 'openingHours',
    label: ConsoleKey,
    required = false,
  ) => (
    <label>
      {t(label)}
      <input name={key} required={required} value={draft[key] ?? ''} onInput={(e) => set(key, e.currentTarget.value)} />
    </label>
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(draft);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card form" onSubmit={submit} data-testid="checkpoint-form">
      {communes && (
        <label>
          {t('dash.col.commune')}
          <select name="unitId" required value={draft.unitId} onChange={(e) => set('unitId', e.currentTarget.value)}>
            <option value="">—</option>
            {communes.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {text('name', 'cp.name', true)}
      <WordSelect
        label={t('cp.type')}
        name="type"
        value={draft.type}
        values={CHECKPOINT_TYPES}
        word={(type) => t(`type.${type}` as ConsoleKey)}
        onChange={(type) => set('type', type)}
      />
      {text('address', 'cp.address', true)}
      {text('contactName', 'cp.contactName')}
      {text('contactPhone', 'cp.contactPhone')}
      {text('openingHours', 'cp.openingHours')}
      <label>
        {t('cp.defaultStay')}
        <input
          name="defaultStayMin"
          type="number"
          min={5}
          max={1440}
          value={draft.defaultStayMin}
          onInput={(e) => set('defaultStayMin', Number(e.currentTarget.value))}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
