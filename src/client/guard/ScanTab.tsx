import '../i18n/dict-words'; // the confirmations' part of the dictionary
import { useState } from 'preact/hooks';
import type { CheckIn, Person } from '../../shared/protocol';
import { t } from '../i18n/i18n';
import { requestPersistentStorage } from '../data';
import { sync } from '../app/sync-service';
import { duringScan } from '../update/sw-register';
import { CompanionsForm } from './CompanionsForm';
import { FixPerson } from './FixPerson';
import { signalError, signalRisk, signalSuccess } from './feedback';
import { TurnAwayButton } from './TurnAwayButton';
import { LastPerson } from './LastPerson';
import { ManualEntry } from './ManualEntry';
import { PhotoScan } from './PhotoScan';
import { checkOut, recordScan, type RecordOutcome } from './record-scan';
import { recordCompanions, recordManual } from './record-typed';
import { ScannerPanel } from './ScannerPanel';
import { SerialScanner } from './SerialScanner';
import type { GuardContext } from './useGuardContext';
import { useWedge } from './useWedge';
import { rulesOf } from '../risk/rules';

/** The shown outcome with the corrected person (the stored check-in keeps the original). */
function withPerson<T extends { outcome: RecordOutcome }>(prev: T | null, person: Person): T | null {
  if (!prev || prev.outcome.type !== 'saved') return prev;
  return { ...prev, outcome: { ...prev.outcome, checkIn: { ...prev.outcome.checkIn, person } } };
}

interface ScanTabProps {
  ctx: GuardContext;
}

/** True when a saved arrival declares symptoms or exposure: no companions are added to such a visit. */
function isRisky(outcome: RecordOutcome): boolean {
  return outcome.type === 'saved' && (outcome.checkIn.risk?.kinds.length ?? 0) > 0;
}

/** The door: camera, hand scanner, photo and typed entry; the last result large, with its follow-up actions. */
export function ScanTab({ ctx }: ScanTabProps) {
  const [last, setLast] = useState<{ outcome: RecordOutcome; seq: number } | null>(null);
  const [panel, setPanel] = useState<'none' | 'manual' | 'companions'>('none');
  /** Said after the group was saved: who and how many, so the guard knows it worked. */
  const [groupSaved, setGroupSaved] = useState<string | null>(null);
  const checkpointId = ctx.enrolment.checkpoint.id;

  const show = (outcome: RecordOutcome) => {
    setLast((prev) => ({ outcome, seq: (prev?.seq ?? 0) + 1 }));
    setGroupSaved(null);
    if (outcome.type === 'saved' || outcome.type === 'checked_out') {
      // A symptomatic or exposed visitor is saved (the tracer needs them) but is no green tick.
      if (isRisky(outcome)) signalRisk();
      else signalSuccess();
      void requestPersistentStorage(); // after the first real action; asks once
      sync().nudge();
    } else signalError();
  };
  const onText = (text: string) =>
    void duringScan(() =>
      recordScan(text, { checkpointId, repeatWindowMin: ctx.repeatWindowMin, risk: rulesOf(ctx.risk) }),
    ).then(show);
  useWedge(onText, panel === 'none');

  const onManual = async (person: Person) => {
    const outcome = await duringScan(() => recordManual(person, checkpointId));
    show(outcome);
    if (outcome.type === 'repeat') setPanel('none'); // still inside: show the check-out offer
    return outcome.type === 'saved';
  };
  const onCompanions = async (lead: CheckIn, people: Person[]) => {
    await duringScan(() => recordCompanions(lead, people));
    setPanel('none');
    setGroupSaved(
      t('companions.savedWith', {
        count: people.length,
        name: lead.person.name,
        names: people.map((p) => p.name).join(', '),
      }),
    );
    signalSuccess();
    sync().nudge();
  };

  const outcome = last?.outcome ?? null;
  const actions =
    outcome?.type === 'repeat' ? (
      <button class="big primary" onClick={() => void checkOut(outcome.visit).then(show)}>
        {t('scan.checkOutNow')}
      </button>
    ) : outcome?.type === 'saved' && outcome.checkIn.kind === 'in' && isRisky(outcome) ? (
      <TurnAwayButton visit={outcome.checkIn} onDone={show} />
    ) : outcome?.type === 'saved' && outcome.checkIn.kind === 'in' ? (
      <button class="big" onClick={() => setPanel('companions')}>
        {t('scan.addCompanions')}
      </button>
    ) : undefined;

  // The camera comes first, so the next visitor can be scanned while the last result, however long
  // (risk notice, phone offer, correction), is read below it: the viewfinder never leaves the screen.
  return (
    <>
      <ScannerPanel onText={onText} onCameraError={() => setPanel('manual')} />
      <LastPerson
        outcome={outcome}
        seq={last?.seq ?? 0}
        risk={ctx.risk}
        actions={panel !== 'companions' && !groupSaved ? actions : undefined}
      />
      {groupSaved && (
        <p class="confirm ok" role="status" data-testid="group-saved">
          ✔ {groupSaved}
        </p>
      )}
      {outcome?.type === 'saved' && panel === 'none' && (
        <FixPerson
          key={last?.seq}
          checkIn={outcome.checkIn}
          warnings={outcome.warnings}
          onFixed={(person) => setLast((prev) => withPerson(prev, person))}
        />
      )}
      {panel === 'companions' && outcome?.type === 'saved' && (
        <CompanionsForm
          lead={outcome.checkIn}
          onSubmit={(people) => onCompanions(outcome.checkIn, people)}
          onClose={() => setPanel('none')}
        />
      )}
      <p class="hint">{t('guard.wedgeHint')}</p>
      <SerialScanner onText={onText} />
      {panel === 'manual' ? (
        <ManualEntry onSubmit={onManual} onClose={() => setPanel('none')} />
      ) : (
        <div class="row">
          <button class="big" onClick={() => setPanel('manual')}>
            {t('guard.manualEntry')}
          </button>
          <PhotoScan onText={onText} onNothingFound={() => show({ type: 'refused', message: 'guard.photoNoCode' })} />
        </div>
      )}
    </>
  );
}
