/**
 * The scanner's single entry point: whatever text a camera or hardware scanner produced → one typed ScanResult.
 */
import { isCccdShape, parseCccd } from './cccd';
import { prepareScan, splitFields, unknownScan } from './input';
import { classifyUrl } from './links';
import { isNationalShape, parseNationalQr } from './national';
import type { ScanResult } from './types';
import { hasVisitorPrefix, parseVisitorCode } from './visitor-code';

/**
 * Recognises scanned text, in order: visitor code (`TQ1:`, `TQ2:`), CCCD, national health QR, our poster/enrol URLs,
 * other http(s) URLs, EMVCo/VietQR payment codes (`000201…`), else `unknown`. Total.
 * `origin` (this app's origin) is informational: poster and enrol links are recognised on any host.
 */
export function classifyScan(text: string, origin?: string): ScanResult {
  void origin;
  const prep = prepareScan(text);
  if (!prep.ok) return prep.result;
  const t = prep.text;
  if (hasVisitorPrefix(t)) return parseVisitorCode(t);
  if (t.includes('|')) {
    const fields = splitFields(t);
    if (isCccdShape(fields)) return parseCccd(t);
    if (isNationalShape(fields)) return parseNationalQr(t);
  }
  const link = classifyUrl(t);
  if (link) return link;
  if (t.startsWith('000201')) return { kind: 'bank' };
  return unknownScan('unrecognised');
}
