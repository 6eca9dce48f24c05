import { useState } from 'preact/hooks';
import type { Person } from '../../shared/protocol';
import { classifyScan } from '../../shared/scan/classify';
import { ScannerPanel } from '../guard/ScannerPanel';
import { t } from '../i18n/i18n';

interface CardScanProps {
  onPerson: (person: Person) => void;
  onClose: () => void;
}

/** Reads the QR on the back of a chip CCCD card with the phone's camera to prefill a profile. */
export function CardScan({ onPerson, onClose }: CardScanProps) {
  const [message, setMessage] = useState<string | null>(null);
  const onText = (text: string) => {
    const result = classifyScan(text);
    if (result.kind === 'cccd' || result.kind === 'visitor') onPerson(result.person);
    else setMessage(t('visitor.form.notCard'));
  };
  return (
    <div class="card-scan">
      <p class="hint">{t('visitor.form.scanHint')}</p>
      <ScannerPanel onText={onText} onCameraError={() => setMessage(t('visitor.cameraUnavailable'))} />
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <button type="button" class="big" onClick={onClose}>
        {t('visitor.close')}
      </button>
    </div>
  );
}
