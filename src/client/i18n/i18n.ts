/** The PWA's language state and translation (src/browser/i18n.ts over this app's dictionary). */
import { createI18n, type Entry } from '../../browser/i18n';
import { dict, type MessageKey } from './dict';

const i18n = createI18n<MessageKey>('tram-qr.lang', dict);

/** Translates a key into the current language, filling {placeholders}. */
export const t = i18n.t;
/** Adds a part of the dictionary (a lazily loaded screen's strings). */
export const addMessages = i18n.addMessages;
/** The current language. */
export const getLang = i18n.getLang;
/** Switches the language for the whole app and remembers it. */
export const setLang = i18n.setLang;
/** Re-renders the calling component when the language changes; returns the language. */
export const useLang = i18n.useLang;

/** Formats a time of day the way the current language expects. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Picks the current language's text of a `{ vi, en }` label that comes as data (questionnaire questions). */
export function localized(text: Entry): string {
  return getLang() === 'en' && text.en ? text.en : text.vi;
}
