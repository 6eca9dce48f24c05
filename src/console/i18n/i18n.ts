/** The console's language state and `t()` (src/browser/i18n.ts over the console's dictionary). */
import { createI18n } from '../../browser/i18n';
import { dict, type ConsoleKey } from './dict';

const i18n = createI18n<ConsoleKey>('tram-qr.console.lang', dict);

/** Translates a key, filling {placeholders}. */
export const t = i18n.t;
/** The console's current language. */
export const getLang = i18n.getLang;
/** Switches the console language and remembers it. */
export const setLang = i18n.setLang;
/** Re-renders the caller on language change; returns the language. */
export const useLang = i18n.useLang;

/** A date and time in the console's language (Vietnam time). */
export function formatDateTime(ms: number | null): string {
  if (ms === null) return '—';
  return new Date(ms).toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
