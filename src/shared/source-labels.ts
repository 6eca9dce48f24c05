/** How each check-in source is named for people (timeline, exports, dashboard), Vietnamese first. */
import type { SOURCES } from './protocol';

export const SOURCE_LABELS: Record<(typeof SOURCES)[number], { vi: string; en: string }> = {
  visitor_qr: { vi: 'Mã QR cá nhân', en: 'Personal QR' },
  cccd: { vi: 'Căn cước công dân', en: 'Citizen ID card' },
  national_qr: { vi: 'Mã QR quốc gia', en: 'National health QR' },
  manual: { vi: 'Nhập tay', en: 'Typed' },
  on_behalf: { vi: 'Khai hộ', en: 'Declared on behalf' },
  paper: { vi: 'Phiếu giấy', en: 'Paper form' },
  self: { vi: 'Tự quét mã của chốt', en: 'Self check-in' },
};

/** A source code as words in `lang` (an unknown code is shown as it is). */
export function sourceLabel(source: string, lang: 'vi' | 'en' = 'vi'): string {
  return (SOURCE_LABELS as Record<string, { vi: string; en: string }>)[source]?.[lang] ?? source;
}
