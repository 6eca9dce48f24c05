/**
 * One A4 checkpoint poster: name, code, a ≥15 cm vector QR code, instructions for visitors, and the don't-post-online
 * line.
 */
import { t } from '../i18n/i18n';
import type { Poster as PosterData } from '../../shared/console-api';

interface PosterProps {
  poster: PosterData;
}

/** The poster (one printed page). */
export function Poster({ poster }: PosterProps) {
  const cp = poster.checkpoint;
  return (
    <article class="poster" data-testid="poster">
      <header>
        <p class="kicker">{t('poster.kicker')}</p>
        <h1>{cp.name}</h1>
        <p class="code">
          {t('poster.code')}: <strong>{cp.code}</strong> · {cp.unitName}
        </p>
      </header>
      <div class="poster-qr" data-testid="poster-qr" dangerouslySetInnerHTML={{ __html: poster.qrSvg }} />
      <div class="howto">
        <section>
          <h2>{t('poster.withPhone')}</h2>
          <p>{t('poster.withPhoneText')}</p>
        </section>
        <section>
          <h2>{t('poster.withoutPhone')}</h2>
          <p>{t('poster.withoutPhoneText')}</p>
        </section>
      </div>
      <footer>
        <p class="warning">{t('poster.doNotPost')}</p>
      </footer>
    </article>
  );
}
