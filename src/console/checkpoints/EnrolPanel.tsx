/** Makes a one-time enrolment link for a guard device and shows it as a QR code and as text. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { formatDateTime, t } from '../i18n/i18n';

interface EnrolPanelProps {
  checkpointId: string;
}

import { adminRoutes, type EnrolLink } from '../../shared/console-api';
import { WordSelect } from '../WordSelect';

/** The enrolment panel. */
export function EnrolPanel({ checkpointId }: EnrolPanelProps) {
  const [link, setLink] = useState<EnrolLink | null>(null);
  const [hours, setHours] = useState(72);
  const [deviceName, setDeviceName] = useState('');
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    try {
      setLink(
        await call(adminRoutes.checkpointEnrolmentLink, {
          params: { id: checkpointId },
          body: { expiresHours: hours, ...(deviceName.trim() ? { deviceName: deviceName.trim() } : {}) },
        }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="card enrol">
      <h2>{t('enrol.title')}</h2>
      <p class="hint">{t('enrol.hint')}</p>
      <label>
        {t('words.deviceName')}
        <input
          name="deviceName"
          maxLength={80}
          placeholder={t('words.deviceNameHint')}
          value={deviceName}
          onInput={(e) => setDeviceName(e.currentTarget.value)}
        />
      </label>
      <WordSelect
        class="inline"
        label={t('enrol.expires')}
        value={hours}
        values={[24, 72, 168]}
        word={(h) => t('enrol.hours', { hours: h })}
        onChange={setHours}
      />
      <button type="button" onClick={create} data-testid="create-enrol-link">
        {t('enrol.create')}
      </button>
      {error && <p class="error">{error}</p>}
      {link && (
        <div class="enrol-result">
          <div class="qr" dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
          <p>
            <code data-testid="enrol-link">{link.link}</code>
          </p>
          <p class="row">
            <button
              type="button"
              data-testid="copy-enrol-link"
              onClick={() => void shareOrCopy(link.link).then(setCopied)}
            >
              {typeof navigator.share === 'function' ? t('words.shareLink') : t('words.copyLink')}
            </button>
            {copied && <span role="status">{t('words.copied')}</span>}
          </p>
          <p>{t('enrol.validUntil', { time: formatDateTime(link.expiresAt) })}</p>
          <p class="hint">{t('enrol.oneTime')}</p>
        </div>
      )}
    </div>
  );
}

/** Shares the link (phones) or copies it to the clipboard; true once it was handed over. */
async function shareOrCopy(text: string): Promise<boolean> {
  try {
    if (typeof navigator.share === 'function') {
      await navigator.share({ text });
      return true;
    }
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
