import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { applyUpdate, onUpdateReady } from './sw-register';

/** A banner offering the new version; never reloads by itself. */
export function UpdatePrompt() {
  const [ready, setReady] = useState(false);
  const [applying, setApplying] = useState(false);
  useEffect(() => onUpdateReady(setReady), []);
  if (!ready) return null;
  return (
    <div class="banner" role="status">
      <span>{applying ? t('update.waiting') : t('update.available')}</span>
      <button
        disabled={applying}
        onClick={() => {
          setApplying(true);
          void applyUpdate();
        }}
      >
        {t('update.apply')}
      </button>
    </div>
  );
}
