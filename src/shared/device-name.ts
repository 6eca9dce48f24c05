/**
 * Device names officials read: a browser's user-agent string is never one (devices enrolled before
 * devices were named carry it as their label; the console shows a name in words instead).
 */

/** True when a device label is a browser's user-agent string rather than a name. */
export function looksLikeUserAgent(label: string): boolean {
  return /^Mozilla\/|AppleWebKit|Chrome\/|Safari\//.test(label);
}
