/**
 * Small helpers the outbreak pages share: today's key, `datetime-local` values, the follow-up day in words, error text
 * by reason code.
 */
import { ApiError } from '../api';
import { t } from '../i18n/i18n';
import { dict, type ConsoleKey } from '../i18n/dict';

/** `YYYY-MM-DD` of today in Vietnam time. */
export function todayKey(ms = Date.now()): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A `datetime-local` input value for a time (the browser's zone). */
export function localInput(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * A follow-up day as a health station says it: the day of the last contact is not a follow-up day ("Ngày tiếp xúc
 * cuối"); "Ngày thứ 1" is the day after, as the test days (1, 7, 14) and the 14-day end count it.
 */
export function followupDayText(n: number): string {
  return n <= 0 ? t('ob.dayZero') : t('ob.day', { n });
}

/** The message for an API failure: the dictionary's for known reason codes, else the server's text. */
export function errorText(err: unknown): string {
  const key = err instanceof ApiError ? `ob.err.${err.code}` : '';
  if (key in dict) return t(key as ConsoleKey);
  return t('common.error', { message: err instanceof Error ? err.message : String(err) });
}
