import { t } from '../i18n/i18n';
import type { CheckIn } from '../../shared/protocol';
import { sync } from '../app/sync-service';
import { checkOut, type RecordOutcome } from './record-scan';

interface TurnAwayButtonProps {
  /** The arrival just saved for a person with symptoms or exposure. */
  visit: CheckIn;
  /** Called with the saved departure. */
  onDone: (outcome: RecordOutcome & { type: 'checked_out' }) => void;
}

/**
 * "Không cho vào": a symptomatic or exposed person sent home from the gate. The arrival stays (the
 * tracer needs it) and is closed at once, so tracing sees minutes at the gate, not the default stay.
 */
export function TurnAwayButton({ visit, onDone }: TurnAwayButtonProps) {
  return (
    <button
      type="button"
      class="big danger"
      data-testid="turn-away"
      onClick={() =>
        void checkOut(visit).then((outcome) => {
          if (outcome.type !== 'checked_out') return;
          sync().nudge();
          onDone(outcome);
        })
      }
    >
      {t('risk.turnAway')}
    </button>
  );
}
