import type { Question } from '../../shared/protocol';
import { localized as label, t } from '../i18n/i18n';

export type Answer = boolean | string | number;

interface QuestionFieldProps {
  question: Question;
  value: Answer | undefined;
  onChange: (value: Answer | undefined) => void;
  invalid?: boolean;
}

/** One question of the district's questionnaire, drawn from its data (yes/no, text, number, choice, date). */
export function QuestionField({ question: q, value, onChange, invalid }: QuestionFieldProps) {
  const name = `q_${q.id}`;
  switch (q.kind) {
    case 'yesno':
      return (
        <label class={`check ${q.required ? 'required' : ''}`}>
          <input
            type="checkbox"
            name={name}
            checked={value === true}
            aria-invalid={invalid ? 'true' : undefined}
            onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{label(q.label)}</span>
        </label>
      );
    case 'choice':
      return (
        <fieldset class="choice">
          <legend>{label(q.label)}</legend>
          {(q.options ?? []).map((o) => (
            <label key={o.value} class="check">
              <input
                type="radio"
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <span>{label(o.label)}</span>
            </label>
          ))}
        </fieldset>
      );
    case 'number':
      return (
        <label>
          {label(q.label)}
          <input
            name={name}
            type="number"
            inputMode="numeric"
            min={0}
            max={99}
            value={typeof value === 'number' ? String(value) : ''}
            onInput={(e) => {
              const raw = (e.currentTarget as HTMLInputElement).value;
              onChange(raw === '' || !Number.isFinite(Number(raw)) ? undefined : Number(raw));
            }}
          />
        </label>
      );
    case 'date':
      return (
        <label>
          {label(q.label)}
          <input
            name={name}
            type="date"
            value={typeof value === 'string' ? value : ''}
            onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value || undefined)}
          />
        </label>
      );
    default:
      return (
        <label>
          {label(q.label)}
          <input
            name={name}
            type="text"
            maxLength={500}
            placeholder={t('declare.optional')}
            value={typeof value === 'string' ? value : ''}
            onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value || undefined)}
          />
        </label>
      );
  }
}
