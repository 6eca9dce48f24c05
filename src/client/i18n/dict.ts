/**
 * Every user-facing string of the PWA, Vietnamese first, English second: this base part (shell, home)
 * and the parts that load with their screens (`dict-guard.ts`, `dict-settings.ts`, `dict-visitor.ts`). Placeholders are
 * written {name} and
 * filled by `t(key, { name })`.
 */
import type { GuardKey } from './dict-guard';
import type { SettingsKey } from './dict-settings';
import type { VisitorKey } from './dict-visitor';
import type { SealedKey } from './dict-sealed';
import type { VisitKey } from './dict-visit';
import type { RiskKey } from './dict-risk';
import type { WordsKey } from './dict-words';

export const dict = {
  'app.name': { vi: 'Trạm QR khai báo y tế', en: 'QR health checkpoint' },
  'app.language': { vi: 'English', en: 'Tiếng Việt' },
  'app.languageHint': { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },

  'home.title': { vi: 'Trạm kiểm soát QR', en: 'QR checkpoint' },
  'home.intro': {
    vi: 'Ứng dụng quét mã QR tại chốt kiểm soát dịch, hoạt động cả khi không có mạng.',
    en: 'Scans QR codes at epidemic checkpoints, with or without a network.',
  },
  'home.guardHint': {
    vi: 'Bảo vệ, nhân viên trực chốt: mở đường dẫn đăng ký thiết bị do cán bộ huyện/xã cấp.',
    en: 'Guards: open the device enrolment link your district or commune officer gave you.',
  },
  'home.openScanner': { vi: 'Mở màn hình quét', en: 'Open the scanner' },
  'declare.optional': { vi: 'Không bắt buộc', en: 'Optional' },
  'declare.askEach': {
    vi: 'Hỏi từng mục; đánh dấu mục nào CÓ. Mục không đánh dấu được ghi là "Không".',
    en: 'Ask about each item; tick those that apply. An unticked item is recorded as "No".',
  },
  // The guard and visitor screens' strings are the parts in ./dict-guard.ts and ./dict-visitor.ts.
  'visitor.homeTitle': { vi: 'Khai báo y tế và mã QR của tôi', en: 'My health declaration and QR' },
  'visitor.homeIntro': {
    vi: 'Lưu thông tin của bạn một lần trên điện thoại này, khai báo y tế mỗi ngày trong một phút, rồi đưa mã QR cho người trực chốt hoặc tự quét mã QR của chốt — cả khi không có mạng.',
    en: 'Save your details once on this phone, declare your health each day in a minute, then show your QR to the guard or scan the checkpoint poster yourself — even offline.',
  },

  // Issue 7, device side: storage failures block the screen; a revoked device or closed checkpoint says so.
  'storage.quota.title': {
    vi: 'Máy hết bộ nhớ — lượt vừa rồi CHƯA được lưu!',
    en: 'Device storage is full — the last check-in was NOT saved!',
  },
  'storage.quota.body': {
    vi: 'Hãy ghi phiếu giấy cho người này. Gửi dữ liệu lên máy chủ và xoá bớt ảnh, video hoặc ứng dụng không cần thiết rồi thử lại.',
    en: 'Fill in a paper form for this person. Send the data to the server and remove photos, videos or apps you do not need, then try again.',
  },
  'storage.unavailable.title': {
    vi: 'Trình duyệt không cho lưu dữ liệu!',
    en: 'This browser does not let the app store data!',
  },
  'storage.unavailable.body': {
    vi: 'Có thể bạn đang dùng cửa sổ ẩn danh. Hãy mở ứng dụng trong cửa sổ thường (hoặc từ biểu tượng trên màn hình chính); trong lúc đó hãy ghi phiếu giấy.',
    en: 'You may be in a private window. Open the app in a normal window (or from its home-screen icon); meanwhile use paper forms.',
  },
  'storage.understood': { vi: 'Tôi đã hiểu', en: 'I understand' },
  'storage.nearlyFull': {
    vi: 'Bộ nhớ máy đã dùng {percent} %. Hãy gửi dữ liệu và giải phóng bộ nhớ.',
    en: 'Device storage is {percent} % used. Send the data and free some space.',
  },
  'settings.open': { vi: 'Cài đặt', en: 'Settings' },
  'standing.revoked': {
    vi: 'Thiết bị này đã bị huyện/xã thu hồi quyền gửi.',
    en: 'The district has revoked this device.',
  },
  'standing.closed': { vi: 'Chốt này đã được huyện/xã đóng.', en: 'The district has closed this checkpoint.' },
  'standing.kept': {
    vi: 'Dữ liệu trên máy vẫn được giữ nguyên ({count} lượt chờ gửi); liên hệ cán bộ huyện/xã.',
    en: 'Data on this device is kept ({count} waiting to send); contact your officer.',
  },

  'update.available': { vi: 'Có phiên bản mới của ứng dụng.', en: 'A new version of the app is available.' },
  'update.apply': { vi: 'Cập nhật', en: 'Update' },
  'update.waiting': { vi: 'Đang chờ gửi xong…', en: 'Waiting for the sync to finish…' },
  'update.offlineReady': {
    vi: 'Ứng dụng đã sẵn sàng dùng khi không có mạng.',
    en: 'The app is ready to work offline.',
  },
  'notice.visitorTitle': {
    vi: 'Cảnh báo: bạn đã đến nơi có ca bệnh cùng thời điểm',
    en: 'Warning: you were where a confirmed case was, at the same time',
  },
  'notice.guardTitle': { vi: 'Cảnh báo dịch tại điểm kiểm tra này', en: 'Risk notice for this checkpoint' },
  'notice.where': { vi: '{place}, từ {from} đến {to}', en: '{place}, from {from} to {to}' },
} as const satisfies Record<string, { vi: string; en: string }>;

/** Every key of the dictionary, the lazily loaded parts included. */
export type MessageKey =
  keyof typeof dict | GuardKey | SettingsKey | VisitorKey | SealedKey | VisitKey | RiskKey | WordsKey;
