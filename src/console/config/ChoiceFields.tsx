/** The choices of a "one choice" question: one row per choice in Vietnamese and English, no codes to type. */
import { t } from '../i18n/i18n';
import type { ChoiceDraft } from './question-draft';

interface ChoiceFieldsProps {
  choices: ChoiceDraft[];
  onChange: (choices: ChoiceDraft[]) => void;
}

/** Edits, adds and removes the choices; their stored values are made from the wording when saved. */
export function ChoiceFields({ choices, onChange }: ChoiceFieldsProps) {
  const set = (i: number, patch: Partial<ChoiceDraft>) =>
    onChange(choices.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset class="choice-fields" data-testid="choice-fields">
      <legend>{t('q.options')}</legend>
      {choices.map((c, i) => (
        <div class="grid3 choice-row" key={i} data-testid="choice-row">
          <label>
            {t('q.option.vi', { n: i + 1 })}
            <input name="optionVi" value={c.vi} onInput={(e) => set(i, { vi: e.currentTarget.value })} />
          </label>
          <label>
            {t('q.option.en', { n: i + 1 })}
            <input name="optionEn" value={c.en} onInput={(e) => set(i, { en: e.currentTarget.value })} />
          </label>
          <p>
            <button type="button" class="link" onClick={() => onChange(choices.filter((_, j) => j !== i))}>
              {t('q.option.remove')}
            </button>
          </p>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...choices, { value: '', vi: '', en: '' }])}>
        {t('q.option.add')}
      </button>
    </fieldset>
  );
}
