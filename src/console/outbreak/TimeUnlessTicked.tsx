/** A tick box ("no symptoms", "isolated from the result") and, when it is not ticked, the time it stands for. */

interface TimeUnlessTickedProps {
  tickName: string;
  tickLabel: string;
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  timeName: string;
  timeLabel: string;
  time: string;
  onTime: (value: string) => void;
  hint?: string | undefined;
  /** Why the time is refused, shown under the field (and the field marked invalid). */
  error?: string | null | undefined;
}

/** The tick box, then the time field while it is unticked, with its hint and its refusal. */
export function TimeUnlessTicked(p: TimeUnlessTickedProps) {
  const errorId = `${p.timeName}-error`;
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          name={p.tickName}
          checked={p.ticked}
          onChange={(e) => p.onTick((e.target as HTMLInputElement).checked)}
        />
        {p.tickLabel}
      </label>
      {!p.ticked && (
        <label>
          {p.timeLabel}
          <input
            type="datetime-local"
            name={p.timeName}
            value={p.time}
            aria-invalid={p.error ? true : undefined}
            aria-describedby={p.error ? errorId : undefined}
            onInput={(e) => p.onTime((e.target as HTMLInputElement).value)}
          />
          {p.hint && <small>{p.hint}</small>}
          {p.error && (
            <small class="error field-error" id={errorId} role="alert" data-testid={errorId}>
              {p.error}
            </small>
          )}
        </label>
      )}
    </>
  );
}
