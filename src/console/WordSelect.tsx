/** A labelled drop-down over a fixed list of values, each shown in words. */
import type { ComponentChildren } from 'preact';

interface WordSelectProps<T extends string | number> {
  label: ComponentChildren;
  /** The form field's name (tests and the browser's form data find it by this). */
  name?: string;
  value: T;
  values: readonly T[];
  /** The words for a value, in the current language. */
  word: (value: T) => string;
  onChange: (value: T) => void;
  /** `inline`: the label sits beside the select. */
  class?: string;
}

/** A `<label>` holding a `<select>` of `values`, each option's text from `word`. */
export function WordSelect<T extends string | number>({
  label,
  name,
  value,
  values,
  word,
  onChange,
  class: className,
}: WordSelectProps<T>) {
  return (
    <label class={className}>
      {label}
      <select
        name={name}
        value={String(value)}
        onChange={(e) => {
          const picked = values.find((v) => String(v) === e.currentTarget.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {word(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
