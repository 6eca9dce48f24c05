import { useState } from 'preact/hooks';
import { parsePosterUrl } from '../../shared/poster/poster-link';
import { navigate } from '../../browser/router';
import { ScannerPanel } from '../guard/ScannerPanel';
import { BackLink } from './ProfileScreen';
import { t } from '../i18n/i18n';

/**
 * The in-app poster scanner, for phones whose camera app does not open links: reads a poster and opens its check-in
 * page.
 */
export function PosterScanner() {
  const [message, setMessage] = useState<string | null>(null);
  const onText = (text: string) => {
    if (!parsePosterUrl(text)) return setMessage(t('visitor.scan.notPoster'));
    const url = new URL(text, location.origin);
    navigate(url.pathname + url.search);
  };
  return (
    <main class="screen visitor">
      <BackLink />
      <h1>{t('visitor.scanPoster')}</h1>
      <p class="hint">{t('visitor.scan.hint')}</p>
      <ScannerPanel onText={onText} onCameraError={() => setMessage(t('visitor.cameraUnavailable'))} />
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </main>
  );
}
