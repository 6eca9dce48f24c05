import { useState } from 'preact/hooks';
import { navigate } from '../../browser/router';
import { deleteVisitorData, pendingSelfCount } from '../data';
import { useLive } from '../hooks/useLive';
import { BackLink } from './ProfileScreen';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/dict';
import '../i18n/dict-words'; // the confirmation's button

const SECTIONS: [MessageKey, MessageKey][] = [
  ['visitor.privacy.phoneTitle', 'visitor.privacy.phone'],
  ['visitor.privacy.serverTitle', 'visitor.privacy.server'],
  ['visitor.privacy.whoTitle', 'visitor.privacy.who'],
  ['visitor.privacy.howLongTitle', 'visitor.privacy.howLong'],
  ['visitor.privacy.qrTitle', 'visitor.privacy.qr'],
];

/** What is stored where, for how long, who sees it, and the one button that deletes everything on this phone. */
export function PrivacyPage() {
  return (
    <main class="screen visitor privacy" data-testid="privacy">
      <BackLink />
      <h1>{t('visitor.privacy.title')}</h1>
      {SECTIONS.map(([title, body]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          <p>{t(body)}</p>
        </section>
      ))}
      <DeleteEverything />
    </main>
  );
}

/** Deletes every visitor's data on this phone after one confirmation (warning about unsent check-ins). */
function DeleteEverything() {
  const pending = useLive(pendingSelfCount, [], 0);
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      // Stays until the visitor moves on: a confirmation that vanished after 1.5 s was easy to miss.
      <div class="ok-note" role="status" data-testid="deleted">
        <p>✔ {t('visitor.delete.done')}</p>
        <button class="big" onClick={() => navigate('/')}>
          {t('visitor.delete.home')}
        </button>
      </div>
    );
  }
  return (
    <section class="danger-zone">
      <h2>{t('visitor.delete.title')}</h2>
      <p>{t('visitor.delete.explain')}</p>
      {confirming && pending > 0 && <p class="error">{t('visitor.delete.pendingWarning', { count: pending })}</p>}
      <div class="row">
        <button
          class={`big ${confirming ? 'danger' : ''}`}
          data-testid="delete-everything"
          onClick={() => {
            if (!confirming) return setConfirming(true);
            void deleteVisitorData().then(() => {
              setDeleted(true);
            });
          }}
        >
          {confirming ? t('visitor.delete.confirm') : t('visitor.delete.button')}
        </button>
        {confirming && (
          <button class="big" onClick={() => setConfirming(false)}>
            {t('visitor.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
