/** Formatting for the settings screen: sizes and dates the way people read them. */
import { getLang } from '../i18n/i18n';

/** Bytes in a unit people read (KB, MB, GB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** A date and time the way the current language expects. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(getLang() === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
