/** Formatting for the settings screen: sizes and dates the way people read them. */
import { getLang } from '../i18n/i18n';

/** The locale of the current language: Vietnamese writes a decimal comma ("2,0 MB"). */
function locale(): string {
  return getLang() === 'vi' ? 'vi-VN' : 'en-GB';
}

/** Bytes in a unit people read (KB, MB, GB), with the current language's decimal mark. */
export function formatBytes(bytes: number): string {
  const [value, unit, digits] =
    bytes < 1024 * 1024
      ? [bytes / 1024, 'KB', 0]
      : bytes < 1024 ** 3
        ? [bytes / 1024 ** 2, 'MB', 1]
        : [bytes / 1024 ** 3, 'GB', 1];
  const number = new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${number.format(value)} ${unit}`;
}

/** A date and time the way the current language expects. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(locale(), {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
