/**
 * Strings of the sealed device (issue 14): revocation wipe and the reasons the server gives for sealed
 * items it could not open. Vietnamese first, English second.
 */
import { addMessages } from './i18n';

export const sealedDict = {
  'sealed.wiped': {
    vi: 'Các lượt còn được nhận đã gửi lên máy chủ, rồi toàn bộ dữ liệu, khoá và danh sách hôm nay trên máy đã được xoá.',
    en: 'What the district still accepts was sent, then every check-in, key and today’s list on this device was deleted.',
  },
  'sealed.wipedNext': {
    vi: 'Máy này không ghi nhận thêm lượt nào. Hãy ghi vào phiếu giấy, và liên hệ huyện để được cấp mã đăng ký mới nếu máy được dùng lại.',
    en: 'This device records nothing more. Write visitors on the paper sheet, and ask the district for a new enrolment code if the device is to be used again.',
  },
  'sealed.printPaper': { vi: 'In phiếu ghi giấy', en: 'Print the paper sheet' },
  'sealed.wipePending': {
    vi: 'Máy chủ không nhận lượt quét mới: hãy ghi phiếu giấy. Máy đang gửi nốt {count} lượt ghi trước khi bị thu hồi, sau đó dữ liệu trên máy sẽ bị xoá.',
    en: 'The server takes no new scans: use the paper sheet. The device is sending the {count} check-ins recorded before the revocation, then the data on it will be deleted.',
  },
  'queueExport.button': { vi: 'Xuất dữ liệu chờ gửi', en: 'Export the waiting check-ins' },
  'queueExport.working': { vi: 'Đang xuất…', en: 'Exporting…' },
  'queueExport.hint': {
    vi: 'Mất mạng nhiều ngày? Xuất các lượt chờ gửi ra một tệp và nhờ người có mạng (xã, huyện) tải lên. Tệp đã được mã hoá và ký, ai mang hộ cũng không đọc được.',
    en: 'No network for days? Export the waiting check-ins to a file and ask somebody online (commune, district) to upload it. The file is sealed and signed: whoever carries it cannot read it.',
  },
  'queueExport.shareTitle': { vi: 'Dữ liệu chờ gửi của chốt {code}', en: 'Waiting check-ins of checkpoint {code}' },
  'queueExport.shared': {
    vi: 'Đã chia sẻ {count} lượt trong tệp {name}.',
    en: 'Shared {count} check-ins in the file {name}.',
  },
  'queueExport.downloaded': {
    vi: 'Đã lưu {count} lượt vào tệp {name} (thư mục Tải xuống). Gửi tệp qua Zalo, Bluetooth hoặc thư điện tử cho người tải lên.',
    en: 'Saved {count} check-ins to the file {name} (Downloads folder). Send it by Zalo, Bluetooth or e-mail to whoever uploads it.',
  },
  'queueExport.kept': {
    vi: 'Máy vẫn giữ các lượt này và tự gửi khi có mạng; máy chủ không ghi trùng.',
    en: 'The device keeps them and sends them itself when online; the server does not store them twice.',
  },
  'queueExport.empty': { vi: 'Không có lượt nào chờ gửi.', en: 'No check-in is waiting.' },
  'queueExport.not_enrolled': {
    vi: 'Máy này chưa đăng ký làm máy của chốt.',
    en: 'This device is not enrolled to a checkpoint.',
  },
  'queueExport.no_key': {
    vi: 'Máy chưa từng kết nối với máy chủ kể từ khi cập nhật nên chưa ký được tệp; hãy kết nối mạng một lần.',
    en: 'This device has not reached the server since its update, so it cannot sign the file yet; connect it once.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type SealedKey = keyof typeof sealedDict;

addMessages(sealedDict);
