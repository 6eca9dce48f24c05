/**
 * The language state machine both browser apps use: Vietnamese by default, English one tap away, the
 * choice remembered per app. Each app makes one with its own dictionary and storage key (src/client/i18n,
 * src/console/i18n) and exports its typed `t`.
 */
import { useEffect, useState } from 'preact/hooks';

type Lang = 'vi' | 'en';
/** One dictionary entry: Vietnamese first, English second. */
export type Entry = { vi: string; en: string };

/** An app's language state and translation function. */
interface I18n<Key extends string> {
  /** Translates a key into the current language, filling {placeholders} (an unknown key reads as itself). */
  t: (key: Key, params?: Record<string, string | number>) => string;
  /** Adds a part of the dictionary (a lazily loaded screen's strings). */
  addMessages: (part: Record<string, Entry>) => void;
  /** The current language. */
  getLang: () => Lang;
  /** Switches the language for the whole app and remembers it. */
  setLang: (lang: Lang) => void;
  /** Re-renders the calling component when the language changes; returns the language. */
  useLang: () => Lang;
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
function fill(text: string, params?: Record<string, string | number>): string {
  return params
    ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
    : text;
}

/**
 * Makes an app's language state over its dictionary (the base part; lazily loaded screens add theirs),
 * remembered in localStorage under `storageKey`. `Key` is every key the app's parts hold.
 */
export function createI18n<Key extends string>(storageKey: string, base: Record<string, Entry>): I18n<Key> {
  const messages: Record<string, Entry> = { ...base };
  const listeners = new Set<(lang: Lang) => void>();
  let current: Lang = readStored(storageKey);
  return {
    t: (key, params) => fill(messages[key]?.[current] ?? key, params),
    addMessages: (part) => void Object.assign(messages, part),
    getLang: () => current,
    setLang: (lang) => {
      current = lang;
      try {
        globalThis.localStorage?.setItem(storageKey, lang);
      } catch {
        // Private mode: the choice lasts for this visit only.
      }
      if (globalThis.document) document.documentElement.lang = lang;
      for (const listener of listeners) listener(lang);
    },
    useLang: () => {
      const [lang, setState] = useState(current);
      useEffect(() => {
        listeners.add(setState);
        return () => void listeners.delete(setState);
      }, []);
      return lang;
    },
  };
}

function readStored(storageKey: string): Lang {
  try {
    return globalThis.localStorage?.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}
