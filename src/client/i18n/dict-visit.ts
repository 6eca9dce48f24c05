/**
 * Strings of issue 12's "one scan, one visit", "names survive hardware scanners" and "reachable contacts"
 * (guard and visitor screens), Vietnamese first, English second. Adds itself to `t()` when imported.
 */
import { addMessages } from './i18n';

export const visitDict = {
  'scan.warning.address_garbled': {
    vi: 'Địa chỉ đọc được có thể bị mất chữ, hãy kiểm tra lại.',
    en: 'The address may have lost letters; please check it.',
  },
  'fix.title': {
    vi: 'Máy quét có thể đã làm mất chữ tiếng Việt. Sửa lại cho đúng với thẻ:',
    en: 'The scanner may have dropped Vietnamese letters. Correct it from the card:',
  },
  'fix.name': { vi: 'Họ và tên đúng', en: 'Correct full name' },
  'fix.address': { vi: 'Địa chỉ đúng', en: 'Correct address' },
  'fix.save': { vi: 'Lưu tên đã sửa', en: 'Save the correction' },
  'fix.saved': { vi: 'Đã lưu bản sửa (bản gốc vẫn được giữ).', en: 'Correction saved (the original is kept).' },
  'fix.failed': { vi: 'Chưa lưu được bản sửa, hãy thử lại.', en: 'The correction was not saved; try again.' },
  'fix.nameEmpty': { vi: 'Hãy nhập họ và tên.', en: 'Enter the full name.' },
  'phone.add': { vi: '＋ Thêm số điện thoại', en: '＋ Add a phone number' },
  'phone.label': { vi: 'Số điện thoại (không bắt buộc)', en: 'Phone (optional)' },
  'phone.save': { vi: 'Lưu số', en: 'Save number' },
  'phone.saved': {
    vi: 'Đã lưu số điện thoại {phone} (máy nhớ số này cho người này đến hết hôm nay).',
    en: 'Phone {phone} saved (remembered for this person until the end of today).',
  },
  'phone.invalid': { vi: 'Số điện thoại cần 8–15 chữ số.', en: 'A phone number needs 8–15 digits.' },
  'phone.known': { vi: 'Điện thoại: {phone}', en: 'Phone: {phone}' },
  'visit.insideSince': {
    vi: 'Người này đang ở trong chốt (vào lúc {time}), không ghi vào lần nữa.',
    en: 'This person is inside since {time}; not checked in again.',
  },
  'visit.checkedOut': { vi: 'Đã ghi nhận RA cho {name}.', en: '{name} checked out.' },
  'serial.connect': { vi: 'Kết nối máy quét (cổng COM)', en: 'Connect a scanner (COM port)' },
  'serial.connected': {
    vi: 'Đã kết nối máy quét cổng COM: quét thẻ như bình thường.',
    en: 'COM-port scanner connected: scan as usual.',
  },
  'serial.disconnect': { vi: 'Ngắt máy quét cổng COM', en: 'Disconnect the COM-port scanner' },
  'serial.failed': {
    vi: 'Không mở được cổng COM của máy quét. Kiểm tra dây cắm rồi thử lại.',
    en: 'Could not open the scanner’s COM port. Check the cable and try again.',
  },
  'serial.lost': { vi: 'Mất kết nối với máy quét cổng COM.', en: 'The COM-port scanner was disconnected.' },
  'household.sameContact': {
    vi: 'Số điện thoại và địa chỉ đã lấy theo hộ gia đình ({phone}; {address}). Sửa lại nếu người này khác.',
    en: 'Phone and address are the household’s ({phone}; {address}). Change them if this person’s differ.',
  },
  'visits.movedOn': { vi: 'Kết thúc khi vào {place}', en: 'Ended on entering {place}' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type VisitKey = keyof typeof visitDict;

addMessages(visitDict);
