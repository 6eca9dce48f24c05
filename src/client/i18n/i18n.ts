/** Language state and translation: Vietnamese by default, English one tap away. */
import { useEffect, useState } from 'preact/hooks';
import { dict, type MessageKey } from './dict';

type Entry = { vi: string; en: string };

/** The dictionary: the base part (shell, guard) plus parts that lazily loaded screens add. */
const messages: Record<string, Entry> = { ...dict };

export type Lang = 'vi' | 'en';

const STORAGE_KEY = 'tram-qr.lang';
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Adds a part of the dictionary (a lazily loaded screen's strings). */
export function addMessages(part: Record<string, Entry>): void {
  Object.assign(messages, part);
}

/** Translates a key into the current language, filling {placeholders}. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = messages[key]?.[current] ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
    : text;
}

/** The current language. */
export function getLang(): Lang {
  return current;
}

/** Switches the language for the whole app and remembers it. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  if (globalThis.document) document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

/** Re-renders the calling component when the language changes; returns the language. */
export function useLang(): Lang {
  const [lang, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    return () => void listeners.delete(setState);
  }, []);
  return lang;
}

/** Formats a time of day the way the current language expects. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(current === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** Picks the current language's text of a `{ vi, en }` label that comes as data (questionnaire questions). */
export function localized(text: Entry): string {
  return current === 'en' && text.en ? text.en : text.vi;
}
