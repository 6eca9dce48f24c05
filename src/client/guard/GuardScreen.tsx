import { useState } from 'preact/hooks';
import type { Person } from '../../shared/protocol';
import { getEnrolment } from '../data';
import { t } from '../i18n/i18n';
import { useLive } from '../hooks/useLive';
import { sync } from '../app/sync-service';
import { duringScan } from '../update/sw-register';
import { signalError, signalSuccess } from './feedback';
import { LastPerson } from './LastPerson';
import { ManualEntry } from './ManualEntry';
import { NeedsAttention } from './NeedsAttention';
import { recordManual, recordScan, type RecordOutcome } from './record-scan';
import { ScannerPanel } from './ScannerPanel';
import { SyncBar } from './SyncBar';

/** The guard's working screen: sync state, camera scanner, last result, typed entry, refused items. */
export function GuardScreen() {
  const enrolment = useLive(getEnrolment, [], undefined);
  const [last, setLast] = useState<{ outcome: RecordOutcome; seq: number } | null>(null);
  const [manual, setManual] = useState(false);

  if (enrolment === undefined) return null;
  if (enrolment === null) {
    return (
      <main class="screen">
        <p class="error">{t('guard.notEnrolled')}</p>
        <p class="hint">{t('home.guardHint')}</p>
      </main>
    );
  }
  const checkpointId = enrolment.checkpoint.id;

  const show = (outcome: RecordOutcome) => {
    setLast((prev) => ({ outcome, seq: (prev?.seq ?? 0) + 1 }));
    if (outcome.type === 'saved') {
      signalSuccess();
      sync().nudge();
    } else signalError();
  };

  const onText = (text: string) => void duringScan(() => recordScan(text, checkpointId)).then(show);
  const onManual = async (person: Person) => {
    const outcome = await duringScan(() => recordManual(person, checkpointId));
    show(outcome);
    return outcome.type === 'saved';
  };

  return (
    <main class="screen guard">
      <h1 class="checkpoint-name">{t('guard.checkpoint', { name: enrolment.checkpoint.name })}</h1>
      <SyncBar />
      <LastPerson outcome={last?.outcome ?? null} seq={last?.seq ?? 0} />
      <ScannerPanel onText={onText} onCameraError={() => setManual(true)} />
      {manual ? (
        <ManualEntry onSubmit={onManual} onClose={() => setManual(false)} />
      ) : (
        <button class="big" onClick={() => setManual(true)}>
          {t('guard.manualEntry')}
        </button>
      )}
      <NeedsAttention />
    </main>
  );
}
