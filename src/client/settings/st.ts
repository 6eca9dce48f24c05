/** Translation for the settings screen; its strings ship in the lazy settings chunk, the language is the app's. */
import { getLang } from '../i18n/i18n';
import { settingsDict, type SettingsKey } from './settings-dict';

/** Translates a settings key into the current language, filling {placeholders}. */
export function st(key: SettingsKey, params?: Record<string, string | number>): string {
  const text: string = settingsDict[key][getLang()];
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text;
}

/** Bytes in a unit people read (KB, MB, GB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** A date and time the way the current language expects. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}
