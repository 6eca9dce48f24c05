/** A button switching the console between Vietnamese and English. */
import { setLang, t, useLang } from './i18n/i18n';

/** The language toggle. */
export function LangSwitch() {
  const lang = useLang();
  return (
    <button type="button" class="link" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
      {t('app.otherLanguage')}
    </button>
  );
}
