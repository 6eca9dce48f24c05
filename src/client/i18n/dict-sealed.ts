/**
 * Strings of the sealed device (issue 14): revocation wipe and the reasons the server gives for sealed
 * items it could not open. Vietnamese first, English second.
 */
import { addMessages } from './i18n';

export const sealedDict = {
  'sealed.wiped': {
    vi: 'Thiết bị đã bị thu hồi: các lượt còn được nhận đã gửi lên máy chủ, rồi toàn bộ dữ liệu, khoá và danh sách hôm nay trên máy đã được xoá.',
    en: 'This device was revoked: what the district still accepts was sent, then every check-in, key and today’s list on it was deleted.',
  },
  'sealed.wipedNext': {
    vi: 'Máy này không ghi nhận thêm lượt nào. Hãy ghi vào phiếu giấy, và liên hệ huyện để được cấp mã đăng ký mới nếu máy được dùng lại.',
    en: 'This device records nothing more. Write visitors on the paper sheet, and ask the district for a new enrolment code if the device is to be used again.',
  },
  'sealed.printPaper': { vi: 'In phiếu ghi giấy', en: 'Print the paper sheet' },
  'sealed.wipePending': {
    vi: 'Thiết bị đã bị thu hồi: đang gửi nốt {count} lượt còn chờ, sau đó dữ liệu trên máy sẽ bị xoá.',
    en: 'This device was revoked: sending the {count} check-ins still waiting, then the data on it will be deleted.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type SealedKey = keyof typeof sealedDict;

addMessages(sealedDict);
