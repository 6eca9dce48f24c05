import { useEffect, useState } from 'preact/hooks';
import { clearInstallOffer, installOffer, onInstallOffer } from '../home/install-prompt';
import { IosGuide } from './IosGuide';
import { t } from '../i18n/i18n';

function isStandalone(): boolean {
  return (
    matchMedia('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  );
}

function isIos(): boolean {
  return (
    /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1)
  );
}

/** Offers to install the app: the browser's own prompt where it has one, an illustrated guide on iPhones. */
export function InstallPanel() {
  const [offer, setOffer] = useState(installOffer);
  useEffect(() => onInstallOffer(() => setOffer(installOffer())), []);
  if (isStandalone()) return null;
  if (offer) {
    return (
      <section class="install" data-testid="install">
        <p>{t('visitor.install.why')}</p>
        <button
          class="big primary"
          data-testid="install-button"
          onClick={() => {
            clearInstallOffer();
            void offer.prompt().catch(() => undefined);
          }}
        >
          {t('visitor.install.button')}
        </button>
      </section>
    );
  }
  if (isIos()) return <IosGuide />;
  return (
    <section class="install" data-testid="install">
      <p class="hint">{t('visitor.install.menu')}</p>
    </section>
  );
}
