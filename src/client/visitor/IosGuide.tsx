import { t } from '../i18n/i18n';

/**
 * iPhone/iPad: no install prompt exists, and Safari deletes a non-installed site's data after 7 days; show how to add
 * it.
 */
export function IosGuide() {
  return (
    <section class="install ios" data-testid="ios-guide">
      <h2>{t('visitor.ios.title')}</h2>
      <p class="error">{t('visitor.ios.why')}</p>
      <svg viewBox="0 0 320 150" role="img" aria-label={t('visitor.ios.picture')} class="ios-picture">
        <rect x="10" y="5" width="120" height="140" rx="16" fill="#fff" stroke="#111" stroke-width="3" />
        <rect x="20" y="110" width="100" height="26" rx="6" fill="#eee" />
        <rect x="60" y="114" width="20" height="18" rx="3" fill="#fff" stroke="#1a73e8" stroke-width="2.5" />
        <path d="M70 126v-14m-5 5 5-5 5 5" stroke="#1a73e8" stroke-width="2.5" fill="none" stroke-linecap="round" />
        <circle cx="70" cy="123" r="17" fill="none" stroke="#a4161a" stroke-width="3" />
        <text x="70" y="60" text-anchor="middle" font-size="34" font-weight="700" fill="#0b5d3b">
          1
        </text>
        <path d="M140 75h30m-8-8 8 8-8 8" stroke="#111" stroke-width="3" fill="none" />
        <rect x="180" y="5" width="130" height="140" rx="16" fill="#fff" stroke="#111" stroke-width="3" />
        <rect x="190" y="62" width="110" height="30" rx="6" fill="#e3f4ea" stroke="#0b5d3b" stroke-width="2" />
        <rect x="198" y="68" width="18" height="18" rx="4" fill="none" stroke="#111" stroke-width="2" />
        <path d="M207 71v12m-6-6h12" stroke="#111" stroke-width="2" />
        <rect x="222" y="72" width="70" height="10" rx="3" fill="#0b5d3b" />
        <text x="245" y="45" text-anchor="middle" font-size="34" font-weight="700" fill="#0b5d3b">
          2
        </text>
      </svg>
      <ol>
        <li>{t('visitor.ios.step1')}</li>
        <li>{t('visitor.ios.step2')}</li>
        <li>{t('visitor.ios.step3')}</li>
      </ol>
    </section>
  );
}
