/** The console's language state and `t()`: Vietnamese by default, English on request (same pattern as the PWA). */
import { useEffect, useState } from 'preact/hooks';
import { dict, type ConsoleKey } from './dict';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'tram-qr.console.lang';
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = (() => {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
})();

/** Translates a key, filling {placeholders}. */
export function t(key: ConsoleKey, params?: Record<string, string | number>): string {
  const text: string = dict[key][current];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** The console's current language. */
export function getLang(): Lang {
  return current;
}

/** Switches the console language and remembers it. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode
  }
  document.documentElement.lang = lang;
  for (const l of listeners) l(lang);
}

/** Re-renders the caller on language change; returns the language. */
export function useLang(): Lang {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return lang;
}

/** A date and time in the console's language (Vietnam time). */
export function formatDateTime(ms: number | null): string {
  if (ms === null) return '—';
  return new Date(ms).toLocaleString(current === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
